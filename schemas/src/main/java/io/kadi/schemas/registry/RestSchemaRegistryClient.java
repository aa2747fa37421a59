package io.kadi.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API (also served by Apicurio's ccompat API, Redpanda and Karapace).
 * Ids and schemas are immutable in a registry, so every answer is cached for the life of the client: after warm-up
 * no call leaves the process.
 *
 * <p>Written here because Confluent's {@code kafka-schema-registry-client} is not on Maven Central; it uses only
 * the three endpoints the serde needs.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<URI> baseUrls;
  private final String authorization;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  public RestSchemaRegistryClient(List<String> baseUrls, String basicAuthUserInfo) {
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("At least one schema registry URL is needed");
    }
    this.baseUrls = baseUrls.stream().map(url -> URI.create(url.endsWith("/") ? url : url + "/")).toList();
    this.authorization = basicAuthUserInfo == null || basicAuthUserInfo.isBlank()
        ? null
        : "Basic " + Base64.getEncoder().encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema.toString()), key -> {
      JsonNode answer = post("subjects/" + encode(subject) + "/versions", key.schemaText());
      return cache(answer.path("id").asInt(), schema);
    });
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema.toString()), key -> {
      JsonNode answer = post("subjects/" + encode(subject), key.schemaText());
      return cache(answer.path("id").asInt(), schema);
    });
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id, key -> {
      JsonNode answer = send(base -> HttpRequest.newBuilder(base.resolve("schemas/ids/" + key)).GET());
      String type = answer.path("schemaType").asText("AVRO");
      if (!"AVRO".equals(type)) {
        throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
            "Schema " + key + " is a " + type + " schema, not Avro");
      }
      return new Schema.Parser().parse(answer.path("schema").asText());
    });
  }

  private int cache(int id, Schema schema) {
    if (id <= 0) {
      throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, "Registry answered without a schema id");
    }
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  private JsonNode post(String path, String schemaText) {
    String body;
    try {
      body = json.writeValueAsString(Map.of("schema", schemaText));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(base -> HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Tries each base URL in turn until one answers: an unreachable registry, or one failing on its side (5xx), passes
   * the question to the next. Any other answer, error or not, is final.
   */
  private JsonNode send(java.util.function.Function<URI, HttpRequest.Builder> request) {
    SchemaRegistryException lastFailure = null;
    for (URI base : baseUrls) {
      HttpRequest.Builder builder = request.apply(base).timeout(TIMEOUT).header("Accept", ACCEPT);
      if (authorization != null) {
        builder.header("Authorization", authorization);
      }
      try {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return read(response);
      } catch (IOException e) {
        lastFailure = new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
            "Schema registry unreachable at " + base + ": " + e.getMessage(), e);
      } catch (SchemaRegistryException e) {
        if (e.errorCode() / 100 != 5 && e.errorCode() / 10_000 != 5) {
          throw e;
        }
        lastFailure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, "Interrupted while calling the schema registry", e);
      }
    }
    throw lastFailure;
  }

  private JsonNode read(HttpResponse<String> response) {
    JsonNode body;
    try {
      body = json.readTree(response.body());
    } catch (IOException e) {
      body = null;
    }
    if (response.statusCode() / 100 == 2 && body != null) {
      return body;
    }
    int errorCode = body != null && body.has("error_code") ? body.get("error_code").asInt() : response.statusCode();
    String message = body != null && body.has("message") ? body.get("message").asText() : "HTTP " + response.statusCode();
    throw new SchemaRegistryException(errorCode, "Schema registry refused " + response.request().method() + " "
        + response.uri().getPath() + ": " + message);
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private record SubjectSchema(String subject, String schemaText) {}
}
