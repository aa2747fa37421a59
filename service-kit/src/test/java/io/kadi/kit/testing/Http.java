package io.kadi.kit.testing;

import io.kadi.kit.security.ApiCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for API tests: what goes over the wire is exactly what the test says, signed with the
 * client's credentials ({@link TestApiClients#operator()} unless given others) as an integrator's client signs it.
 */
public final class Http {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String baseUrl;
  private final ApiCredentials credentials;

  public Http(int port) {
    this(port, TestApiClients.operator().credentials());
  }

  public Http(int port, ApiCredentials credentials) {
    this.baseUrl = "http://localhost:" + port;
    this.credentials = credentials;
  }

  /** The same server, signing as another client. */
  public Http as(ApiCredentials other) {
    return new Http(Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1)), other);
  }

  public Http as(TestApiClients.Client other) {
    return as(other.credentials());
  }

  public Response get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Response post(String path, String json) {
    return send("POST", path, json, Map.of("Content-Type", "application/json"));
  }

  /** A signed request: the signing headers are added to the given ones. */
  public Response send(String method, String path, String body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(credentials.sign(method, URI.create(baseUrl + path), bytes(body)));
    all.putAll(headers);
    return sendUnsigned(method, path, body, all);
  }

  /** Exactly these headers, no signature added: for tests of what unsigned, tampered or replayed requests get. */
  public Response sendUnsigned(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return baseUrl;
  }

  private static byte[] bytes(String body) {
    return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
  }

  /** A response, with its body parsed as JSON where it is JSON. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public String text(String field) {
      JsonNode node = json().path(field);
      return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
