package io.kadi.card.cardholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.card.cardholder.application.CardholderService;
import io.kadi.card.cardholder.application.NewCardholder;
import io.kadi.events.card.v1.CardholderCreated;
import io.kadi.events.card.v1.KycStatus;
import io.kadi.events.card.v1.KycStatusChanged;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CardServiceTest
class CardholdersIT {

  @LocalServerPort int port;
  @Autowired CardholderService cardholders;
  @Autowired JdbcClient jdbc;
  CardApi api;

  @BeforeEach
  void api() {
    api = new CardApi(port);
  }

  @Test
  void createsAPendingCardholderAndPublishesItWithoutContactDetails() {
    try (TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name())) {
      Http.Response created = api.createCardholder("Ada Obi");

      assertThat(created.status()).isEqualTo(201);
      UUID id = UUID.fromString(created.text("id"));
      assertThat(created.header("Location")).isEqualTo("/v1/cardholders/" + id);
      assertThat(created.text("kyc_status")).isEqualTo("pending");
      assertThat(created.text("phone_number")).isEqualTo("+2348012345678");
      assertThat(created.text("mode")).isEqualTo("sandbox");
      TopicProbe.Received record = events.awaitRecord(r -> r.value() instanceof CardholderCreated c && c.getCardholderId().equals(id));
      CardholderCreated event = (CardholderCreated) record.value();
      assertThat(event.getCountry()).isEqualTo("NG");
      assertThat(event.getTimezone()).isEqualTo("Africa/Lagos");
      assertThat(event.getKycStatus()).isEqualTo(KycStatus.pending);
      assertThat(event.getMetadata().getRequestId()).isEqualTo(created.header("X-Request-Id"));
      assertThat(new String(record.raw().value(), StandardCharsets.ISO_8859_1))
          .doesNotContain("ada@example.com").doesNotContain("2348012345678").doesNotContain("Ada Obi");
      assertThat(api.http().get("/v1/cardholders/" + id).text("name")).isEqualTo("Ada Obi");
    }
  }

  @Test
  void recordsKycDecisionsAndPublishesEachChangeOnce() {
    UUID id = UUID.fromString(api.createCardholder("Kofi Mensah").text("id"));
    try (TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name())) {
      Http.Response verified = api.decideKyc(id, "{\"status\": \"verified\", \"tier\": 2, \"reference\": \"smile-123\"}");
      Http.Response again = api.decideKyc(id, "{\"status\": \"verified\", \"tier\": 2, \"reference\": \"smile-123\"}");
      Http.Response revoked = api.decideKyc(id, "{\"status\": \"rejected\", \"reference\": \"sanctions-9\"}");

      assertThat(verified.status()).isEqualTo(200);
      assertThat(verified.text("kyc_status")).isEqualTo("verified");
      assertThat(verified.json().path("kyc_tier").asInt()).isEqualTo(2);
      assertThat(again.status()).isEqualTo(200);
      assertThat(revoked.text("kyc_status")).isEqualTo("rejected");
      events.await(KycStatusChanged.class, k -> k.getCardholderId().equals(id) && k.getStatus() == KycStatus.rejected);
      assertThat(events.readToEnd(KycStatusChanged.class, k -> k.getCardholderId().equals(id)))
          .extracting(k -> k.getPreviousStatus() + ">" + k.getStatus() + ":" + k.getTier() + ":" + k.getReference())
          .containsExactly("pending>verified:2:smile-123", "verified>rejected:null:sanctions-9");
    }
  }

  @Test
  void refusesInvalidKycDecisions() {
    UUID id = UUID.fromString(api.createCardholder("Amina Njoroge").text("id"));

    assertProblem(api.decideKyc(id, "{\"status\": \"verified\", \"reference\": \"r\"}"), 400, "validation_failed");
    assertProblem(api.decideKyc(id, "{\"status\": \"rejected\", \"tier\": 1, \"reference\": \"r\"}"), 400, "validation_failed");
    assertProblem(api.decideKyc(id, "{\"status\": \"pending\", \"reference\": \"r\"}"), 400, "validation_failed");
    assertProblem(api.decideKyc(UUID.randomUUID(), "{\"status\": \"verified\", \"tier\": 1, \"reference\": \"r\"}"), 404,
        "cardholder_not_found");
    assertThat(api.http().get("/v1/cardholders/" + id).text("kyc_status")).isEqualTo("pending");
  }

  @Test
  void refusesCardholdersWithInvalidDetailsNamingEachField() {
    Http.Response response = api.http().post("/v1/cardholders", """
        {"name": "", "email": "not-an-email", "phone_number": "08012345678", "country": "XX", "timezone": "+01:00"}""");

    assertProblem(response, 400, "validation_failed");
    assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactly("country", "email", "name", "phone_number", "timezone");
  }

  @Test
  void anUnknownCardholderIsNotFound() {
    assertProblem(api.http().get("/v1/cardholders/" + UUID.randomUUID()), 404, "cardholder_not_found");
  }

  private static void assertProblem(Http.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
    assertThat(response.text("request_id")).isEqualTo(response.header("X-Request-Id"));
  }

  @Test
  void aCardholderIsCreatedOnlyInTheProgramOfTheClientThatAsks() {
    Http.Response created = api.createCardholder("Zawadi Njeri");
    long before = jdbc.sql("select count(*) from cardholders").query(Long.class).single();

    // Work caused by a record has no program to put the cardholder in.
    assertThatThrownBy(() -> cardholders.create(new NewCardholder("Zawadi Njeri", "zawadi@example.com", "+254712345678",
        "KE", ZoneId.of("Africa/Nairobi")), new RequestContext("internal", "card-service", Mode.SANDBOX, null)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(jdbc.sql("select program_id from cardholders where id = ?").param(UUID.fromString(created.text("id")))
        .query(UUID.class).single()).isEqualTo(TestApiClients.TEST_PROGRAM);
    assertThat(jdbc.sql("select count(*) from cardholders").query(Long.class).single()).isEqualTo(before);
  }
}
