package io.kadi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a new user does: {@code ./kadi up} against a database that does not exist yet, the README's examples in
 * another terminal, then Ctrl-C. Uses the README's fixed ports (8081-8085, 9092).
 */
class KadiUpIT {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @Test
  void kadiUpRunsTheReadmeExamplesAndStopsCleanlyOnCtrlC() throws Exception {
    String database = "kadi_up_" + Long.toHexString(System.nanoTime());
    Path home = Files.createTempDirectory("kadi-home");
    ProcessBuilder builder = new ProcessBuilder("bash", "kadi", "up").directory(REPOSITORY.toFile()).redirectErrorStream(true);
    builder.environment().put("DATABASE_URL", databaseUrl(database));
    builder.environment().put("KADI_HOME", home.toString());
    Process stack = builder.start();
    List<String> output = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> read(stack, output, ready));
    try {
      ready.get(240, TimeUnit.SECONDS);

      String examples = run(readmeExamples(), home);

      assertThat(examples).contains("\"key_id\": \"ksk_test_", "\"kyc_status\": \"verified\"", "\"last4\":",
          "\"available\": 1500000", "\"approved\": true", "\"captured_amount\": 200000",
          "\"decline_reason\": \"spending_limit\"", "\"available\": 1300000", "\"status\": \"frozen\"",
          "\"code\": \"invalid_amount\"", "\"code\": \"missing_signature\"", "\"intact\": true");
      assertThat(countIn(database, "select count(*) from card.cardholders")).as("written to DATABASE_URL's database").isEqualTo(1);
      // cardholder created, KYC verified, card issued, funded; two authorizations, each requested, evaluated by limits,
      // assessed by risk and decided; one captured; controls set; frozen: fifteen events, each audited (and risk
      // alerts, if the cardholder's night made it review)
      Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(countIn(database, "select count(*) from audit.audit_log where event_type not in "
              + "('io.kadi.events.alert.v1.Alert', 'io.kadi.events.api.v1.ApiRequestLogged')")).isEqualTo(15));
      assertThat(countIn(database, "select count(*) from audit.audit_log where event_type = 'io.kadi.events.api.v1.ApiRequestLogged'"))
          .as("every request but the verification, which is still being answered, is audited").isGreaterThanOrEqualTo(14);
      assertThat(Files.getPosixFilePermissions(home.resolve(LocalSecrets.FILE))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(home.resolve(LocalCredentials.FILE))).isEqualTo(PosixFilePermissions.fromString("rw-------"));

      new ProcessBuilder("kill", "-INT", Long.toString(stack.pid())).start().waitFor();
      assertThat(stack.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute of Ctrl-C").isTrue();
      assertThat(stack.exitValue()).isEqualTo(130);
      assertThat(output).contains("Kadi local stack stopped.");
      assertThat(String.join("\n", output)).doesNotContain(" ERROR ").doesNotContain("Exception");
    } finally {
      stack.destroyForcibly().waitFor();
      drop(database);
    }
  }

  /** The bash block between the README's example markers. */
  static String readmeExamples() throws IOException {
    String readme = Files.readString(ReadmeIsTrueTest.README);
    String block = readme.substring(readme.indexOf("<!-- readme-example:start -->"), readme.indexOf("<!-- readme-example:end -->"));
    return block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"));
  }

  /** The script in the repository, as a user runs it there, with the stack's home (and so its credentials). */
  private static String run(String script, Path home) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script).directory(REPOSITORY.toFile());
    builder.environment().put("KADI_HOME", home.toString());
    Process bash = builder.redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as(output).isZero();
    return output;
  }

  private static void read(Process stack, List<String> output, CompletableFuture<Void> ready) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.add(line);
        if (line.startsWith("Kadi local stack is up")) {
          ready.complete(null);
        }
      }
      ready.completeExceptionally(new IllegalStateException("./kadi up ended before it was up:\n" + String.join("\n", output)));
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
  }

  /** A libpq-style URL to a database that does not exist yet, on the test server: ./kadi up must create it. */
  private static String databaseUrl(String name) {
    TestDatabase test = TestDatabase.get();
    URI server = URI.create(test.jdbcUrl().substring("jdbc:".length()));
    return "postgresql://" + URLEncoder.encode(test.username(), StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(test.password(), StandardCharsets.UTF_8) + "@" + server.getHost() + ":" + server.getPort() + "/" + name;
  }

  private static long countIn(String database, String sql) throws Exception {
    TestDatabase test = TestDatabase.get();
    String url = test.jdbcUrl().substring(0, test.jdbcUrl().lastIndexOf('/') + 1) + database;
    try (Connection connection = java.sql.DriverManager.getConnection(url, test.username(), test.password());
        Statement statement = connection.createStatement();
        java.sql.ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void drop(String database) throws Exception {
    try (Connection connection = TestDatabase.get().dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database + " with (force)");
    }
  }
}
