package io.kadi.localstack.bench;

import java.io.IOException;
import io.kadi.kit.security.ApiCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * card-service's REST API, as the benchmark calls it: HTTP/1.1 (as card processors call issuers), one connection
 * per request in flight, kept alive between requests.
 */
final class CardServiceClient implements AutoCloseable {

  /** Far beyond the budget (1.5 s) and card-service's own backstop (10 s): a request that takes this long is lost. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final ApiCredentials credentials;
  private final HttpClient http;

  CardServiceClient(URI base, ApiCredentials credentials) {
    this.base = base;
    this.credentials = credentials;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A new cardholder, KYC-verified at the tier, with a new active card in the currency, funded with the amount. */
  UUID fundedCard(int tier, String currency, long funding) throws IOException, InterruptedException {
    UUID cardholder = id(post("/v1/cardholders", """
        {"name": "Bench Cardholder", "email": "bench@example.com", "phone_number": "+2348012345678", "country": "NG",
         "timezone": "Africa/Lagos"}""", 201));
    post("/v1/cardholders/" + cardholder + "/kyc",
        "{\"status\": \"verified\", \"tier\": %d, \"reference\": \"bench-%s\"}".formatted(tier, cardholder), 200);
    UUID card = id(post("/v1/cards",
        "{\"cardholder_id\": \"%s\", \"type\": \"virtual\", \"currency\": \"%s\"}".formatted(cardholder, currency), 201));
    post("/v1/cards/" + card + "/fundings",
        "{\"amount\": %d, \"currency\": \"%s\", \"reference\": \"bench-%s\"}".formatted(funding, currency, card), 201);
    return card;
  }

  /** Sends an authorization request; the answer, whatever its status, or the failure, completes the future. */
  CompletableFuture<HttpResponse<String>> authorize(UUID card, long amount, String currency, Merchant merchant) {
    return http.sendAsync(request("/v1/authorizations", """
        {"card_id": "%s", "amount": %d, "currency": "%s", "channel": "%s",
         "merchant": {"name": "%s", "mcc": "%s", "country": "NG", "city": "Lagos"}}"""
        .formatted(card, amount, currency, merchant.channel(), merchant.name(), merchant.mcc())), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode post(String path, String json, int expectedStatus) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request(path, json), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IOException("POST " + path + " answered " + response.statusCode() + " (expected " + expectedStatus + "): "
          + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Signed as every API request must be: the signing is part of what a processor's client spends per request. */
  private HttpRequest request(String path, String json) {
    URI uri = URI.create(base + path);
    byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    credentials.sign("POST", uri, body).forEach(request::header);
    return request.build();
  }

  private static UUID id(JsonNode created) {
    return UUID.fromString(created.path("id").asString());
  }

  @Override
  public void close() {
    http.close();
  }

  /** Where a benchmark card is used: ordinary merchants, so that no control or risk rule is aimed at them. */
  record Merchant(String name, String mcc, String channel) {}
}
