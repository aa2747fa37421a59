package io.kadi.kit.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops this JVM's test infrastructure in dependency order when the JVM exits: the application contexts first (their
 * consumers leave their groups while the broker still answers), then the broker, then the database. Separate
 * shutdown hooks would run concurrently, and clients talking to a stopped broker wait for their timeouts.
 */
final class Teardown {

  private static final Deque<ConfigurableApplicationContext> CONTEXTS = new ArrayDeque<>();
  private static Runnable stopBroker = () -> { };
  private static Runnable dropDatabase = () -> { };

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Teardown::run, "kadi-test-teardown"));
  }

  private Teardown() {}

  static synchronized void closeOnExit(ConfigurableApplicationContext context) {
    CONTEXTS.push(context);
  }

  static synchronized void stopBrokerOnExit(Runnable stop) {
    stopBroker = stop;
  }

  static synchronized void dropDatabaseOnExit(Runnable drop) {
    dropDatabase = drop;
  }

  private static synchronized void run() {
    CONTEXTS.forEach(ConfigurableApplicationContext::close);
    stopBroker.run();
    dropDatabase.run();
  }
}
