package io.kadi.card.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.Channel;
import io.kadi.events.card.v1.ControlsSubject;
import io.kadi.events.card.v1.LimitInterval;
import io.kadi.events.card.v1.SpendingControls;
import io.kadi.events.card.v1.SpendingControlsUpdated;
import io.kadi.events.card.v1.SpendingLimit;
import io.kadi.events.card.v1.VelocityLimit;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CardServiceTest
class SpendingControlsIT {

  static final String CARD_CONTROLS = """
      {"spending_limits": [{"amount": 500000, "interval": "daily"},
                           {"amount": 20000, "interval": "per_authorization", "categories": ["5812", "5411"]}],
       "velocity_limits": [{"count": 5, "window_seconds": 3600}, {"amount": 100000, "window_seconds": 600}],
       "blocked_categories": ["7995"],
       "allowed_countries": ["NG", "GH"],
       "allowed_channels": ["pos", "ecommerce"]}""";

  @LocalServerPort int port;
  CardApi api;

  @BeforeEach
  void api() {
    api = new CardApi(port);
  }

  @Test
  void replacesACardsControlsPublishesThemAndShowsEveryAmountsCurrency() {
    UUID cardId = api.activeCard("NGN");
    try (TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name())) {
      Http.Response set = api.setControls("cards", cardId, CARD_CONTROLS);

      assertThat(set.status()).as(set.toString()).isEqualTo(200);
      assertThat(set.json().path("spending_limits").get(0).path("currency").asText()).isEqualTo("NGN");
      assertThat(set.json().path("spending_limits").get(1).path("categories").toString()).isEqualTo("[\"5411\",\"5812\"]");
      assertThat(set.json().path("velocity_limits").get(1).path("currency").asText()).isEqualTo("NGN");
      assertThat(set.json().path("allowed_categories").isNull()).isTrue();
      assertThat(api.http().get("/v1/cards/" + cardId + "/spending_controls").json()).isEqualTo(set.json());

      SpendingControlsUpdated event = events.await(SpendingControlsUpdated.class, e -> e.getSubjectId().equals(cardId));
      assertThat(event.getSubjectType()).isEqualTo(ControlsSubject.card);
      assertThat(event.getControls()).isEqualTo(expectedCardControls());
    }
  }

  static SpendingControls expectedCardControls() {
    return SpendingControls.newBuilder()
        .setSpendingLimits(List.of(
            SpendingLimit.newBuilder().setAmount(500_000).setCurrency("NGN").setInterval(LimitInterval.daily).setCategories(List.of()).build(),
            SpendingLimit.newBuilder().setAmount(20_000).setCurrency("NGN").setInterval(LimitInterval.per_authorization)
                .setCategories(List.of("5411", "5812")).build()))
        .setVelocityLimits(List.of(
            VelocityLimit.newBuilder().setCount(5).setAmount(null).setCurrency(null).setWindowSeconds(3600).build(),
            VelocityLimit.newBuilder().setCount(null).setAmount(100_000L).setCurrency("NGN").setWindowSeconds(600).build()))
        .setAllowedCategories(null)
        .setBlockedCategories(List.of("7995"))
        .setAllowedCountries(List.of("GH", "NG"))
        .setBlockedCountries(List.of())
        .setAllowedChannels(List.of(Channel.ecommerce, Channel.pos))
        .build();
  }

  @Test
  void everyAuthorizationRequestCarriesTheControlsInForceForItsCardAndCardholder() {
    UUID cardId = api.fundedCard("NGN", 10_000);
    UUID cardholderId = UUID.fromString(api.card(cardId).text("cardholder_id"));
    assertThat(api.setControls("cards", cardId, CARD_CONTROLS).status()).isEqualTo(200);
    Http.Response holder = api.setControls("cardholders", cardholderId, """
        {"spending_limits": [{"amount": 900000, "currency": "NGN", "interval": "monthly"},
                             {"amount": 50000, "currency": "KES", "interval": "weekly"}],
         "blocked_countries": ["KP"]}""");
    assertThat(holder.status()).as(holder.toString()).isEqualTo(200);

    try (TopicProbe authorizations = TopicProbe.fromEnd(Topics.AUTHORIZATIONS.name())) {
      Http.Response declined = api.authorize(cardId, 20_000, "NGN");

      AuthorizationRequested request = authorizations.await(AuthorizationRequested.class, r -> r.getCardId().equals(cardId));
      assertThat(declined.text("decline_reason")).isEqualTo("insufficient_funds");
      assertThat(request.getCardControls()).isEqualTo(expectedCardControls());
      assertThat(request.getCardholderControls().getSpendingLimits()).extracting(SpendingLimit::getCurrency)
          .containsExactly("NGN", "KES");
      assertThat(request.getCardholderControls().getBlockedCountries()).containsExactly("KP");
    }
  }

  @Test
  void refusesInvalidControlsWithTheReasonAndKeepsThePreviousOnes() {
    UUID cardId = api.activeCard("NGN");
    UUID cardholderId = UUID.fromString(api.card(cardId).text("cardholder_id"));
    TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name());
    assertThat(api.setControls("cards", cardId, CARD_CONTROLS).status()).isEqualTo(200);
    events.await(SpendingControlsUpdated.class, e -> e.getSubjectId().equals(cardId));

    assertRefused(api.setControls("cards", cardId, "{\"spending_limits\": [{\"amount\": 0, \"interval\": \"daily\"}]}"),
        "invalid_amount", "from 1 to");
    assertRefused(api.setControls("cards", cardId,
        "{\"spending_limits\": [{\"amount\": 100, \"currency\": \"KES\", \"interval\": \"daily\"}]}"), "validation_failed", "card's currency, NGN");
    assertRefused(api.setControls("cards", cardId, "{\"spending_limits\": [{\"amount\": 100, \"interval\": \"hourly\"}]}"),
        "validation_failed", "");
    assertRefused(api.setControls("cards", cardId, "{\"velocity_limits\": [{\"window_seconds\": 60}]}"),
        "validation_failed", "a count, an amount, or both");
    assertRefused(api.setControls("cards", cardId, "{\"velocity_limits\": [{\"count\": 3, \"window_seconds\": 9}]}"),
        "validation_failed", "window_seconds is from 10 to 2678400");
    assertRefused(api.setControls("cards", cardId, "{\"velocity_limits\": [{\"count\": 3, \"window_seconds\": 2678401}]}"),
        "validation_failed", "window_seconds is from 10 to 2678400");
    assertRefused(api.setControls("cards", cardId, "{\"blocked_categories\": [\"79951\"]}"), "validation_failed",
        "4-digit merchant category code");
    assertRefused(api.setControls("cards", cardId, "{\"allowed_countries\": [\"Nigeria\"]}"), "validation_failed",
        "ISO 3166-1 alpha-2");
    assertRefused(api.setControls("cards", cardId, "{\"allowed_channels\": [\"fax\"]}"), "validation_failed", "");
    assertRefused(api.setControls("cardholders", cardholderId,
        "{\"spending_limits\": [{\"amount\": 100, \"interval\": \"daily\"}]}"), "validation_failed", "needs a currency");
    assertRefused(api.setControls("cards", cardId, "{\"blocked_categories\": " + "[\"7995\",".repeat(501) + "\"7995\"]}"),
        "validation_failed", "");
    Http.Response unknown = api.setControls("cards", UUID.randomUUID(), "{}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text("code")).isEqualTo("card_not_found");

    assertThat(api.http().get("/v1/cards/" + cardId + "/spending_controls").json().path("blocked_categories").toString())
        .isEqualTo("[\"7995\"]");
    assertThat(events.readToEnd(SpendingControlsUpdated.class, e -> true)).hasSize(1);
    events.close();
  }

  @Test
  void aCardWithoutControlsHasNone() {
    UUID cardId = api.activeCard("UGX");

    Http.Response none = api.http().get("/v1/cards/" + cardId + "/spending_controls");

    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().toString()).isEqualTo("{\"spending_limits\":[],\"velocity_limits\":[],\"allowed_categories\":null,"
        + "\"blocked_categories\":[],\"allowed_countries\":null,\"blocked_countries\":[],\"allowed_channels\":null}");
  }

  private static void assertRefused(Http.Response response, String code, String detail) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
    assertThat(response.text("detail")).as(response.toString()).contains(detail);
  }
}
