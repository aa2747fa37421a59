package io.kadi.card.crash;

import io.kadi.card.CardServiceApplication;
import io.kadi.card.CardServiceTest;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TestBroker;
import io.kadi.kit.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * card-service in its own JVM, on this test JVM's database and broker, so that it can really die. Schema ids come
 * from a registry served over HTTP by the test JVM, since the child's in-memory registry would be its own. It does
 * not consume commands: only what the test asks of it happens.
 */
public final class ChildCardService implements AutoCloseable {

  private final Process process;
  private final int port;

  private ChildCardService(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the child and waits until it is healthy; with a producer interceptor class when one is given. */
  public static ChildCardService start(String registryUrl, Class<?> interceptor, File log) {
    int port = freePort();
    TestDatabase database = TestDatabase.get();
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(),
        "-cp", System.getProperty("java.class.path"),
        CardServiceApplication.class.getName(),
        "--server.port=" + port,
        "--spring.datasource.url=" + database.jdbcUrl(),
        "--spring.datasource.username=" + database.username(),
        "--spring.datasource.password=" + database.password(),
        "--spring.kafka.bootstrap-servers=" + TestBroker.bootstrapServers(),
        "--spring.kafka.properties.schema.registry.url=" + registryUrl,
        "--spring.kafka.listener.auto-startup=false",
        "--kadi.card.bin=" + CardServiceTest.BIN,
        "--kadi.card.pan-vault.keys.1=" + CardServiceTest.VAULT_KEY,
        "--kadi.card.pan-vault.active-key-version=1",
        "--kadi.card.pan-vault.fingerprint-key=" + CardServiceTest.FINGERPRINT_KEY,
        "--kadi.api.security.secrets.keys.1=" + TestApiClients.SECRET_KEY,
        "--kadi.api.security.secrets.active-key-version=1"));
    if (interceptor != null) {
      command.add("--spring.kafka.producer.properties.interceptor.classes=" + interceptor.getName());
    }
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
      ChildCardService child = new ChildCardService(process, port);
      Awaitility.await("child card-service healthy (log: " + log + ")").atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .failFast("child card-service exited (log: " + log + ")", () -> !process.isAlive())
          .ignoreExceptions()
          .until(() -> child.http().get("/actuator/health").status() == 200);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Http http() {
    return new Http(port);
  }

  /** Waits for the process to end by itself and returns its exit code. */
  public int awaitExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The child card-service did not exit");
    }
    return process.exitValue();
  }

  /** Stops the child as an orchestrator would (SIGTERM), and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
