package io.kadi.localstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Where the local stack's PostgreSQL is, from {@code DATABASE_URL}: a libpq-style URL
 * ({@code postgresql://user:password@host:port/database}, as Heroku and most tools write it) or a JDBC URL.
 */
record PostgresUrl(String host, int port, String database, String user, String password) {

  static final String DEFAULT = "postgresql://postgres@localhost:5432/kadi";

  static PostgresUrl parse(String url) {
    String text = url == null || url.isBlank() ? DEFAULT : url.trim();
    URI uri;
    try {
      uri = new URI(text.startsWith("jdbc:") ? text.substring("jdbc:".length()) : text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("DATABASE_URL is not a valid URL (" + redacted(text) + "): " + e.getReason()
          + ". Percent-encode special characters in the password.");
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new IllegalArgumentException("DATABASE_URL must be a postgresql:// or jdbc:postgresql:// URL, not " + redacted(text));
    }
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "kadi" : uri.getPath().substring(1);
    return new PostgresUrl(uri.getHost() == null ? "localhost" : uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
        database, user, password);
  }

  String jdbcUrl() {
    return jdbcUrl(database);
  }

  /** Creates the database when the server has none by that name, as a new user would expect. */
  void ensureDatabaseExists() {
    try (Connection ignored = connect(database)) {
      return;
    } catch (SQLException e) {
      if (!"3D000".equals(e.getSQLState())) { // invalid_catalog_name: the server answered, the database is missing
        throw new IllegalStateException("Cannot reach PostgreSQL at " + host + ":" + port + " as " + user + ": "
            + e.getMessage() + "\nStart PostgreSQL, or point DATABASE_URL at one (e.g. " + DEFAULT + ").", e);
      }
    }
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  private Connection connect(String name) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(jdbcUrl(name), properties);
  }

  private String jdbcUrl(String name) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  /** The URL without its password, for messages: a password must never reach a terminal or a log. */
  static String redacted(String url) {
    return url.replaceAll("(//[^:/@]*):[^@/]*@", "$1:***@");
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}
