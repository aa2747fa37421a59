package io.kadi.card.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.card.vault.crypto.PanVault;
import io.kadi.card.vault.domain.Pan;
import io.kadi.events.card.v1.CardFrozen;
import io.kadi.events.card.v1.CardFunded;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CardTerminated;
import io.kadi.events.card.v1.CardType;
import io.kadi.events.card.v1.CardUnfrozen;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.registry.InMemorySchemaRegistry;
import io.kadi.schemas.serde.WireFormat;
import io.kadi.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CardServiceTest
@ExtendWith(OutputCaptureExtension.class)
class IssuingCardsIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired PanVault vault;
  CardApi api;

  @BeforeEach
  void api() {
    api = new CardApi(port);
  }

  @Test
  void issuesAnActiveCardAndPublishesCardIssuedInTheConfluentWireFormat(CapturedOutput output) {
    UUID cardholderId = api.verifiedCardholder();
    try (TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name())) {
      Http.Response issued = api.issueCard(cardholderId, "NGN");

      assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
      UUID cardId = UUID.fromString(issued.text("id"));
      assertThat(issued.header("Location")).isEqualTo("/v1/cards/" + cardId);
      assertThat(issued.text("status")).isEqualTo("active");
      assertThat(issued.text("currency")).isEqualTo("NGN");
      assertThat(issued.json().path("balance").path("available").asLong()).isZero();
      assertThat(issued.json().path("balance").path("held").asLong()).isZero();
      YearMonth expiry = YearMonth.now(ZoneOffset.UTC).plusYears(3);
      assertThat(issued.json().path("exp_month").asInt()).isEqualTo(expiry.getMonthValue());
      assertThat(issued.json().path("exp_year").asInt()).isEqualTo(expiry.getYear());

      TopicProbe.Received record = events.awaitRecord(r -> r.value() instanceof CardIssued c && c.getCardId().equals(cardId));
      int schemaId = WireFormat.schemaId(record.raw().value());
      assertThat(InMemorySchemaRegistry.scope(KadiTestInfrastructure.SCHEMA_REGISTRY_URL.substring("mock://".length()))
          .idOf("kadi.card-events.v1-io.kadi.events.card.v1.CardIssued", CardIssued.getClassSchema())).isEqualTo(schemaId);
      assertThat(record.raw().key()).isEqualTo(cardId.toString());
      CardIssued event = (CardIssued) record.value();
      assertThat(event.getCardholderId()).isEqualTo(cardholderId);
      assertThat(event.getType()).isEqualTo(CardType.virtual);
      assertThat(event.getCurrency()).isEqualTo("NGN");
      assertThat(event.getBin()).isEqualTo(CardServiceTest.BIN);
      assertThat(event.getLast4()).isEqualTo(issued.text("last4"));
      assertThat(event.getMetadata().getRequestId()).isEqualTo(issued.header("X-Request-Id"));
      assertThat(event.getMetadata().getActorClientId()).isEqualTo(TestApiClients.operator().clientId().toString());

      Pan pan = storedPan(cardId);
      assertThat(pan.bin()).isEqualTo(CardServiceTest.BIN);
      assertThat(pan.last4()).isEqualTo(issued.text("last4"));
      assertThat(issued.raw().body()).doesNotContain(pan.reveal());
      assertThat(new String(record.raw().value(), StandardCharsets.ISO_8859_1)).doesNotContain(pan.reveal());
      assertThat(output.getAll()).doesNotContain(pan.reveal());
    }
  }

  @Test
  void fundsACardOncePerReference() {
    UUID cardId = api.activeCard("NGN");
    try (TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name())) {
      Http.Response funded = api.fund(cardId, 150_000, "NGN", "payout-1");
      Http.Response replayed = api.fund(cardId, 150_000, "NGN", "payout-1");
      Http.Response reused = api.fund(cardId, 99_000, "NGN", "payout-1");
      Http.Response second = api.fund(cardId, 50_000, "NGN", "payout-2");

      assertThat(funded.status()).isEqualTo(201);
      assertThat(funded.json().path("balance").path("available").asLong()).isEqualTo(150_000);
      assertThat(replayed.status()).isEqualTo(200);
      assertThat(replayed.text("id")).isEqualTo(funded.text("id"));
      assertThat(replayed.json().path("balance").path("available").asLong()).isEqualTo(150_000);
      assertThat(reused.status()).isEqualTo(409);
      assertThat(reused.text("code")).isEqualTo("reference_reused");
      assertThat(second.json().path("balance").path("available").asLong()).isEqualTo(200_000);
      assertThat(api.card(cardId).json().path("balance").path("available").asLong()).isEqualTo(200_000);

      events.await(CardFunded.class, f -> f.getCardId().equals(cardId) && f.getReference().equals("payout-2"));
      assertThat(events.readToEnd(CardFunded.class, f -> f.getCardId().equals(cardId)))
          .extracting(f -> f.getReference() + ":" + f.getAmount() + ":" + f.getCurrency() + ":" + f.getAvailableBalance())
          .containsExactly("payout-1:150000:NGN:150000", "payout-2:50000:NGN:200000");
    }
  }

  @Test
  void amountsAreMinorUnitsOfTheCardsCurrencyWhateverItsExponent() {
    UUID shillings = api.activeCard("UGX");

    Http.Response funded = api.fund(shillings, 50_000, "UGX", "ugx-1");
    Http.Response otherCurrency = api.fund(shillings, 50_000, "KES", "kes-1");

    assertThat(funded.json().path("amount").asLong()).isEqualTo(50_000);
    assertThat(funded.text("currency")).isEqualTo("UGX");
    assertThat(otherCurrency.status()).isEqualTo(422);
    assertThat(otherCurrency.text("code")).isEqualTo("currency_mismatch");
  }

  @Test
  void freezesUnfreezesAndTerminatesForGood() {
    UUID cardId = api.activeCard("KES");
    api.fund(cardId, 7_500, "KES", "topup");
    try (TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name())) {
      Http.Response frozen = api.http().post("/v1/cards/" + cardId + "/freeze", "{\"reason\": \"lost phone\"}");
      Http.Response frozenAgain = api.lifecycle(cardId, "freeze");
      Http.Response unfrozen = api.lifecycle(cardId, "unfreeze");
      Http.Response terminated = api.http().post("/v1/cards/" + cardId + "/terminate", "{\"reason\": \"employee left\"}");

      assertThat(frozen.text("status")).isEqualTo("frozen");
      assertThat(frozenAgain.status()).isEqualTo(409);
      assertThat(frozenAgain.text("code")).isEqualTo("invalid_card_state");
      assertThat(unfrozen.text("status")).isEqualTo("active");
      assertThat(terminated.text("status")).isEqualTo("terminated");
      for (String action : new String[] {"freeze", "unfreeze", "terminate"}) {
        Http.Response refused = api.lifecycle(cardId, action);
        assertThat(refused.status()).as(action).isEqualTo(409);
        assertThat(refused.text("detail")).isEqualTo("The card is terminated, which is final.");
      }
      assertThat(api.card(cardId).text("status")).isEqualTo("terminated");

      events.await(CardTerminated.class, t -> t.getCardId().equals(cardId));
      assertThat(events.readToEnd().stream().map(TopicProbe.Received::value)
          .filter(v -> v instanceof CardFrozen f && f.getCardId().equals(cardId)
              || v instanceof CardUnfrozen u && u.getCardId().equals(cardId)
              || v instanceof CardTerminated t && t.getCardId().equals(cardId))
          .map(v -> switch (v) {
            case CardFrozen f -> "frozen:" + f.getReason();
            case CardUnfrozen u -> "unfrozen";
            case CardTerminated t -> "terminated:" + t.getReason() + ":" + t.getRemainingBalance();
            default -> throw new IllegalStateException();
          })).containsExactly("frozen:lost phone", "unfrozen", "terminated:employee left:7500");
    }
  }

  @Test
  void anUnknownCardIsNotFound() {
    Http.Response response = api.card(UUID.randomUUID());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.text("code")).isEqualTo("card_not_found");
  }

  private Pan storedPan(UUID cardId) {
    return jdbc.sql("select pan_key_version, pan_ciphertext from cards where id = ?").param(cardId)
        .query((row, n) -> vault.decrypt(cardId, row.getInt(1), row.getBytes(2), CardServiceTest.BIN.length()))
        .single();
  }
}
