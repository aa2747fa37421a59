package io.kadi.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Serves an {@link InMemorySchemaRegistry} over the Confluent Schema Registry REST API, so that standard tools (kcat,
 * kafka-avro-console-consumer) and other JVMs can read what the in-memory registry holds. The local stack runs one;
 * tests use one to share ids with a child JVM.
 *
 * <p>Endpoints: {@code POST /subjects/{s}/versions}, {@code POST /subjects/{s}}, {@code GET /schemas/ids/{id}},
 * {@code GET /subjects}, {@code GET /subjects/{s}/versions}, {@code GET /subjects/{s}/versions/{n|latest}}.
 * Compatibility rules are not enforced here; the build checks them (see the schemas module's tests).
 */
public final class SchemaRegistryHttpServer implements AutoCloseable {

  private final InMemorySchemaRegistry registry;
  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();

  private SchemaRegistryHttpServer(InMemorySchemaRegistry registry, HttpServer server) {
    this.registry = registry;
    this.server = server;
  }

  /** Starts serving on 127.0.0.1 at the port (0 picks a free one). */
  public static SchemaRegistryHttpServer start(InMemorySchemaRegistry registry, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      SchemaRegistryHttpServer registryServer = new SchemaRegistryHttpServer(registry, server);
      server.createContext("/", registryServer::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return registryServer;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the schema registry on port " + port, e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Reply reply;
      try {
        reply = route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange);
      } catch (SchemaRegistryException e) {
        int status = e.errorCode() / 100;
        reply = new Reply(status >= 400 && status < 600 ? status : 500,
            Map.of("error_code", e.errorCode(), "message", e.getMessage()));
      } catch (SchemaParseException | IOException e) {
        reply = new Reply(422, Map.of("error_code", SchemaRegistryException.INVALID_SCHEMA, "message", "Invalid schema: " + e.getMessage()));
      }
      byte[] body = json.writeValueAsBytes(reply.body());
      exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
      exchange.sendResponseHeaders(reply.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static final Pattern SCHEMA_BY_ID = Pattern.compile("/schemas/ids/(\\d+)/?");
  private static final Pattern SUBJECTS = Pattern.compile("/subjects/?");
  private static final Pattern SUBJECT = Pattern.compile("/subjects/([^/]+)/?");
  private static final Pattern VERSIONS = Pattern.compile("/subjects/([^/]+)/versions/?");
  private static final Pattern VERSION = Pattern.compile("/subjects/([^/]+)/versions/([^/]+)/?");

  private Reply route(String method, String rawPath, HttpExchange exchange) throws IOException {
    Matcher m;
    if (method.equals("GET") && (m = SCHEMA_BY_ID.matcher(rawPath)).matches()) {
      return ok(Map.of("schema", registry.schemaById(parseInt(m.group(1))).toString()));
    }
    if (method.equals("GET") && SUBJECTS.matcher(rawPath).matches()) {
      return ok(registry.subjects());
    }
    if (method.equals("GET") && (m = VERSIONS.matcher(rawPath)).matches()) {
      return ok(versionsOf(decode(m.group(1))).stream().map(InMemorySchemaRegistry.SubjectVersion::version).toList());
    }
    if (method.equals("GET") && (m = VERSION.matcher(rawPath)).matches()) {
      return ok(describe(versionOf(decode(m.group(1)), m.group(2))));
    }
    if (method.equals("POST") && (m = VERSIONS.matcher(rawPath)).matches()) {
      return ok(Map.of("id", registry.register(decode(m.group(1)), readSchema(exchange))));
    }
    if (method.equals("POST") && (m = SUBJECT.matcher(rawPath)).matches()) {
      String subject = decode(m.group(1));
      Schema schema = readSchema(exchange);
      return ok(describe(registry.version(subject, schema).orElseThrow(() -> notFound(subject, schema))));
    }
    return new Reply(404, Map.of("error_code", 404, "message", "HTTP 404 Not Found"));
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private List<InMemorySchemaRegistry.SubjectVersion> versionsOf(String subject) {
    List<InMemorySchemaRegistry.SubjectVersion> versions = registry.versions(subject);
    if (versions.isEmpty()) {
      throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }
    return versions;
  }

  private InMemorySchemaRegistry.SubjectVersion versionOf(String subject, String version) {
    List<InMemorySchemaRegistry.SubjectVersion> versions = versionsOf(subject);
    int index = "latest".equals(version) ? versions.size() : parseInt(version);
    if (index < 1 || index > versions.size()) {
      throw new SchemaRegistryException(SchemaRegistryException.VERSION_NOT_FOUND, "Version " + version + " not found.");
    }
    return versions.get(index - 1);
  }

  private SchemaRegistryException notFound(String subject, Schema schema) {
    return registry.versions(subject).isEmpty()
        ? new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.")
        : new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + schema.getFullName() + " not found");
  }

  private static Map<String, Object> describe(InMemorySchemaRegistry.SubjectVersion version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", version.subject());
    body.put("version", version.version());
    body.put("id", version.id());
    body.put("schema", version.schema().toString());
    return body;
  }

  private Schema readSchema(HttpExchange exchange) throws IOException {
    JsonNode body = json.readTree(exchange.getRequestBody());
    String type = body.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Only AVRO schemas are supported, not " + type);
    }
    return new Schema.Parser().parse(body.path("schema").asText());
  }

  private static int parseInt(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(42202, "Invalid version or id: " + text);
    }
  }

  private static Reply ok(Object body) {
    return new Reply(200, body);
  }

  private record Reply(int status, Object body) {}
}
