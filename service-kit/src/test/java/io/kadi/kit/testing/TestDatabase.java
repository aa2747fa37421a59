package io.kadi.kit.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for this test JVM, dropped when the JVM exits. The server is found in this order:
 * <ol>
 *   <li>{@code KADI_TEST_DB_URL}: a JDBC URL to any database of the server, with {@code KADI_TEST_DB_USER} and
 *       {@code KADI_TEST_DB_PASSWORD} when the URL does not carry them;</li>
 *   <li>a server on {@code localhost:5432}, as user {@code postgres} (or {@code KADI_TEST_DB_USER});</li>
 *   <li>a Testcontainers PostgreSQL, when Docker is available;</li>
 * </ol>
 * and failing all three, tests stop with a message that says how to provide one.
 */
public final class TestDatabase {

  static final String URL_VARIABLE = "KADI_TEST_DB_URL";
  static final String USER_VARIABLE = "KADI_TEST_DB_USER";
  static final String PASSWORD_VARIABLE = "KADI_TEST_DB_PASSWORD";
  static final String LOCALHOST_URL = "jdbc:postgresql://localhost:5432/postgres";

  private static TestDatabase instance;

  private final String jdbcUrl;
  private final String username;
  private final String password;

  private TestDatabase(String jdbcUrl, String username, String password) {
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
  }

  /** The database of this JVM, created on first use. */
  public static synchronized TestDatabase get() {
    if (instance == null) {
      Server server = locate(System.getenv(), TestDatabase::answers, DockerClientFactory.instance()::isDockerAvailable)
          .orElseThrow(() -> new IllegalStateException("""
              No PostgreSQL server for the tests. Either set %s (and %s/%s) to a server the tests may create \
              databases on, run PostgreSQL on localhost:5432 with user postgres, or make Docker available for \
              Testcontainers.""".formatted(URL_VARIABLE, USER_VARIABLE, PASSWORD_VARIABLE)));
      instance = server.createDatabase("kadi_test_" + ProcessHandle.current().pid() + "_"
          + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    }
    return instance;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl);
    dataSource.setUser(username);
    dataSource.setPassword(password);
    return dataSource;
  }

  /** Where the server is: the first of the three places that answers. */
  static Optional<Server> locate(Map<String, String> env, java.util.function.Predicate<Server> answers,
      java.util.function.BooleanSupplier dockerAvailable) {
    String user = env.getOrDefault(USER_VARIABLE, "postgres");
    String password = env.getOrDefault(PASSWORD_VARIABLE, "");
    String given = env.get(URL_VARIABLE);
    if (given != null && !given.isBlank()) {
      return Optional.of(new Server(given, user, password));
    }
    Server localhost = new Server(LOCALHOST_URL, user, password);
    if (answers.test(localhost)) {
      return Optional.of(localhost);
    }
    if (dockerAvailable.getAsBoolean()) {
      return Optional.of(Server.container());
    }
    return Optional.empty();
  }

  private static boolean answers(Server server) {
    try (Connection ignored = server.connect()) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** A PostgreSQL server reached through a JDBC URL to one of its databases. */
  record Server(String adminUrl, String username, String password) {

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    static Server container() {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
      container.start();
      return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    Connection connect() throws SQLException {
      Properties properties = new Properties();
      properties.setProperty("user", username);
      properties.setProperty("password", password);
      properties.setProperty("connectTimeout", "3");
      return DriverManager.getConnection(adminUrl, properties);
    }

    /** The URL of another database on the same server. */
    String urlOf(String database) {
      Properties parsed = Driver.parseURL(adminUrl, new Properties());
      if (parsed == null) {
        throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + adminUrl);
      }
      return "jdbc:postgresql://" + parsed.getProperty("PGHOST") + ":" + parsed.getProperty("PGPORT") + "/" + database;
    }

    TestDatabase createDatabase(String name) {
      execute("create database " + name);
      Teardown.dropDatabaseOnExit(() -> execute("drop database if exists " + name + " with (force)"));
      return new TestDatabase(urlOf(name), username, password);
    }

    private void execute(String sql) {
      try (Connection connection = connect(); Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not run '" + sql + "' on " + adminUrl + ": " + e.getMessage(), e);
      }
    }
  }
}
