package io.kadi.localstack;

import io.kadi.kit.security.ApiCredentials;
import io.kadi.kit.security.StepUps;
import io.kadi.kit.security.totp.TotpVerifier;
import java.time.Instant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./kadi api [-H 'Name: value']... METHOD PATH [JSON | @file]}: signs a request with the local stack's
 * credentials (.kadi/credentials) and sends it, as an integrator's client would. PATH is card-service's
 * ({@code /v1/cards}), or a whole URL for another service ({@code http://localhost:8084/v1/audit/verify}). The
 * answer's body goes to standard output and its status to standard error; like curl, the exit status is 0 whenever
 * an answer came, whatever its status. When an operation needs step-up and the credentials hold a TOTP seed (the
 * sandbox operator's do), the request is sent again, newly signed, with the current code, as a person would. With
 * {@code KADI_TLS=1}, as the stack was started with, it speaks HTTPS to the same addresses and trusts the stack's
 * development certificate ({@code $KADI_HOME/tls/cert.pem}) and nothing else.
 */
public final class KadiApi {

  private KadiApi() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    List<String> rest = new ArrayList<>(List.of(args));
    Map<String, String> headers = new LinkedHashMap<>();
    while (rest.size() >= 2 && rest.getFirst().equals("-H")) {
      String header = rest.get(1);
      int colon = header.indexOf(':');
      if (colon < 1) {
        fail("-H takes 'Name: value', not '" + header + "'");
      }
      headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
      rest = rest.subList(2, rest.size());
    }
    if (rest.size() < 2 || rest.size() > 3 || !(rest.get(1).startsWith("/") || rest.get(1).startsWith("http"))) {
      fail("usage: ./kadi api [-H 'Name: value']... METHOD PATH [JSON | @file]   (for example: ./kadi api GET /v1/api_clients)");
    }
    String method = rest.get(0).toUpperCase(Locale.ROOT);
    String body = rest.size() == 3 ? body(rest.get(2)) : null;
    LocalCredentials local = LocalCredentials.read(LocalCredentials.file(System.getenv()));
    URI uri = URI.create(rest.get(1).startsWith("/") ? local.apiUrl() + rest.get(1) : rest.get(1));
    HttpClient.Builder client = HttpClient.newBuilder();
    if (LocalTls.requested(System.getenv())) {
      uri = LocalTls.https(uri);
      client.sslContext(LocalTls.trustingTheCertificate(Path.of(System.getenv().getOrDefault("KADI_HOME", ".kadi"))));
    }
    HttpResponse<String> response;
    try (HttpClient http = client.build()) {
      response = send(http, local.credentials(), method, uri, body, headers);
      if (response.statusCode() == 401 && local.totp() != null && response.body().contains("\"step_up_required\"")) {
        headers.put(StepUps.HEADER, new TotpVerifier().codeAt(local.totp(), Instant.now()));
        response = send(http, local.credentials(), method, uri, body, headers);
      }
    }
    System.err.println("HTTP " + response.statusCode() + response.headers().firstValue("X-Request-Id").map(id -> " (request id " + id + ")").orElse(""));
    System.out.println(response.body());
  }

  static HttpResponse<String> send(HttpClient http, ApiCredentials credentials, String method, URI uri, String body,
      Map<String, String> headers) throws IOException, InterruptedException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    credentials.sign(method, uri, bytes).forEach(request::header);
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String body(String argument) throws IOException {
    return argument.startsWith("@") ? Files.readString(Path.of(argument.substring(1))) : argument;
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(2);
  }
}
