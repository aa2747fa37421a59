package io.kadi.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import java.util.Map;
import java.util.UUID;

/** The card-service REST API as an integrator calls it, for tests. */
public final class CardApi {

  private final Http http;

  /** Signed as TestApiClients.operator(). */
  public CardApi(int port) {
    this(new Http(port));
  }

  private CardApi(Http http) {
    this.http = http;
  }

  /** The same API, signed as another client. */
  public CardApi as(TestApiClients.Client client) {
    return new CardApi(http.as(client));
  }

  public Http http() {
    return http;
  }

  public Http.Response createCardholder(String name) {
    return http.post("/v1/cardholders", """
        {"name": "%s", "email": "ada@example.com", "phone_number": "+2348012345678", "country": "NG",
         "timezone": "Africa/Lagos"}""".formatted(name));
  }

  public UUID verifiedCardholder() {
    Http.Response created = createCardholder("Ada Obi");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    UUID id = UUID.fromString(created.text("id"));
    Http.Response verified = decideKyc(id, "{\"status\": \"verified\", \"tier\": 2, \"reference\": \"kyc-" + id + "\"}");
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    return id;
  }

  public Http.Response decideKyc(UUID cardholderId, String json) {
    return http.post("/v1/cardholders/" + cardholderId + "/kyc", json);
  }

  public Http.Response issueCard(UUID cardholderId, String currency) {
    return http.post("/v1/cards", "{\"cardholder_id\": \"%s\", \"type\": \"virtual\", \"currency\": \"%s\"}".formatted(cardholderId, currency));
  }

  /** A new active card of a verified cardholder. */
  public UUID activeCard(String currency) {
    Http.Response issued = issueCard(verifiedCardholder(), currency);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    return UUID.fromString(issued.text("id"));
  }

  public Http.Response fund(UUID cardId, long amount, String currency, String reference) {
    return http.post("/v1/cards/" + cardId + "/fundings",
        "{\"amount\": %d, \"currency\": \"%s\", \"reference\": \"%s\"}".formatted(amount, currency, reference));
  }

  public Http.Response lifecycle(UUID cardId, String action) {
    return http.post("/v1/cards/" + cardId + "/" + action, "");
  }

  public Http.Response card(UUID cardId) {
    return http.get("/v1/cards/" + cardId);
  }

  /** A new active card of a verified cardholder, funded with the amount. */
  public UUID fundedCard(String currency, long amount) {
    UUID cardId = activeCard(currency);
    Http.Response funded = fund(cardId, amount, currency, "seed-" + cardId);
    assertThat(funded.status()).as(funded.toString()).isEqualTo(201);
    return cardId;
  }

  public Http.Response authorize(UUID cardId, long amount, String currency) {
    return authorize(cardId, amount, currency, "5411", "NG", "pos");
  }

  public Http.Response authorize(UUID cardId, long amount, String currency, String mcc, String country, String channel) {
    return http.post("/v1/authorizations", """
        {"card_id": "%s", "amount": %d, "currency": "%s", "channel": "%s",
         "merchant": {"name": "Shoprite Lekki", "mcc": "%s", "country": "%s", "city": "Lagos"}}"""
        .formatted(cardId, amount, currency, channel, mcc, country));
  }

  public Http.Response capture(UUID authorizationId, long amount) {
    return http.post("/v1/authorizations/" + authorizationId + "/capture", "{\"amount\": " + amount + "}");
  }

  public Http.Response reverse(UUID authorizationId) {
    return http.post("/v1/authorizations/" + authorizationId + "/reverse", "");
  }

  public Http.Response transactions(UUID cardId, String query) {
    return http.get("/v1/cards/" + cardId + "/transactions" + query);
  }

  public Http.Response setControls(String owner, UUID id, String json) {
    return http.send("PUT", "/v1/" + owner + "/" + id + "/spending_controls", json, Map.of("Content-Type", "application/json"));
  }

  /** available and held, as GET /v1/cards/{id} shows them. */
  public long[] balance(UUID cardId) {
    Http.Response card = card(cardId);
    return new long[] {card.json().path("balance").path("available").asLong(), card.json().path("balance").path("held").asLong()};
  }
}
