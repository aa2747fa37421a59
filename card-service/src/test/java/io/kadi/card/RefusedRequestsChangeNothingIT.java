package io.kadi.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.testing.Http;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every refused request answers with a problem carrying its code and request id, and leaves the system exactly as
 * it was: no row written, no balance changed, nothing in the outbox, no record on the event topic.
 */
@CardServiceTest
class RefusedRequestsChangeNothingIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  CardApi api;
  Traces traces;

  @BeforeEach
  void api() {
    api = new CardApi(port);
    traces = new Traces(jdbc);
  }

  @Test
  void malformedJson() {
    UUID cardholderId = api.verifiedCardholder();

    assertRefusedWithoutTrace(() -> api.http().post("/v1/cards", "{\"cardholder_id\": \"" + cardholderId + "\", \"type\": "),
        400, "malformed_json");
  }

  @Test
  void anUnknownCurrency() {
    UUID cardholderId = api.verifiedCardholder();

    Http.Response response = assertRefusedWithoutTrace(() -> api.issueCard(cardholderId, "XYZ"), 400, "unsupported_currency");
    assertThat(response.text("detail")).contains("not an ISO 4217 currency code");
  }

  @Test
  void aCurrencyKadiDoesNotIssueIn() {
    UUID cardId = api.activeCard("NGN");

    assertRefusedWithoutTrace(() -> api.fund(cardId, 100, "JPY", "jpy-1"), 400, "unsupported_currency");
  }

  @ParameterizedTest(name = "amount {0}")
  @ValueSource(longs = {0, -1, -150_000, 1_000_000_000_000L})
  void anAmountThatIsNotPositiveOrTooLarge(long amount) {
    UUID cardId = api.activeCard("NGN");

    assertRefusedWithoutTrace(() -> api.fund(cardId, amount, "NGN", "bad-" + amount), 400, "invalid_amount");
  }

  @Test
  void fundingATerminatedCard() {
    UUID cardId = api.activeCard("GHS");
    api.fund(cardId, 1_000, "GHS", "before");
    assertThat(api.lifecycle(cardId, "terminate").status()).isEqualTo(200);

    assertRefusedWithoutTrace(() -> api.fund(cardId, 500, "GHS", "after"), 409, "invalid_card_state");
    assertThat(api.card(cardId).json().path("balance").path("available").asLong()).isEqualTo(1_000);
  }

  @Test
  void issuingForACardholderWhoseKycIsNotVerified() {
    UUID pending = UUID.fromString(api.createCardholder("Pending Person").text("id"));
    UUID rejected = UUID.fromString(api.createCardholder("Rejected Person").text("id"));
    api.decideKyc(rejected, "{\"status\": \"rejected\", \"reference\": \"r-1\"}");

    assertRefusedWithoutTrace(() -> api.issueCard(pending, "NGN"), 422, "kyc_not_verified");
    assertRefusedWithoutTrace(() -> api.issueCard(rejected, "NGN"), 422, "kyc_not_verified");
  }

  @Test
  void textWithTheNulCharacter() {
    Http.Response response = assertRefusedWithoutTrace(() -> api.http().post("/v1/cardholders", """
        {"name": "Ada\\u0000Obi", "email": "ada@example.com", "phone_number": "+2348012345678", "country": "NG",
         "timezone": "Africa/Lagos"}"""), 400, "validation_failed");
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
  }

  @Test
  void anEnumGivenByItsPosition() {
    UUID cardholderId = api.verifiedCardholder();
    UUID pending = UUID.fromString(api.createCardholder("Numeric Status").text("id"));

    assertRefusedWithoutTrace(() -> api.http().post("/v1/cards",
        "{\"cardholder_id\": \"" + cardholderId + "\", \"type\": 1, \"currency\": \"NGN\"}"), 400, "validation_failed");
    assertRefusedWithoutTrace(() -> api.decideKyc(pending, "{\"status\": 0, \"tier\": 1, \"reference\": \"r\"}"),
        400, "validation_failed");
    assertThat(api.http().get("/v1/cardholders/" + pending).text("kyc_status")).isEqualTo("pending");
  }

  @Test
  void issuingForAnUnknownCardholder() {
    assertRefusedWithoutTrace(() -> api.issueCard(UUID.randomUUID(), "NGN"), 404, "cardholder_not_found");
  }

  @Test
  void missingAndUnknownFields() {
    UUID cardId = api.activeCard("KES");

    assertRefusedWithoutTrace(() -> api.http().post("/v1/cards/" + cardId + "/fundings", "{\"amount\": 100, \"currency\": \"KES\"}"),
        400, "validation_failed");
    assertRefusedWithoutTrace(() -> api.http().post("/v1/cards/" + cardId + "/fundings",
        "{\"amount\": 100, \"currency\": \"KES\", \"reference\": \"r\", \"amount_major\": 1}"), 400, "unknown_field");
    assertRefusedWithoutTrace(() -> api.http().post("/v1/cards/" + cardId + "/fundings",
        "{\"amount\": 1.5, \"currency\": \"KES\", \"reference\": \"r\"}"), 400, "validation_failed");
    assertRefusedWithoutTrace(() -> api.http().post("/v1/cards/" + cardId + "/fundings",
        "{\"amount\": \"100\", \"currency\": \"KES\", \"reference\": \"r\"}"), 400, "validation_failed");
    assertRefusedWithoutTrace(() -> api.http().post("/v1/cards/" + cardId + "/freeze", "{\"reason\": \"" + "x".repeat(201) + "\"}"),
        400, "validation_failed");
  }

  @Test
  void aCardIdThatIsNotAnId() {
    assertRefusedWithoutTrace(() -> api.fund(null, 100, "NGN", "x"), 404, "card_not_found");
  }

  private Http.Response assertRefusedWithoutTrace(java.util.function.Supplier<Http.Response> request, int status, String code) {
    return traces.assertRefusedWithoutTrace(request, status, code);
  }
}
