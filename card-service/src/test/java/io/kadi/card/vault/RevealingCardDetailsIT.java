package io.kadi.card.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.Role;
import io.kadi.kit.security.StepUps;
import io.kadi.kit.security.totp.TotpSecret;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /v1/cards/{id}/sensitive: the PAN and CVV2, for the reveal scope and a step-up only, and in the access log. */
@CardServiceTest
class RevealingCardDetailsIT {

  @LocalServerPort int port;
  CardApi api;
  TestApiClients.Client admin;
  TotpSecret seed;
  UUID card;

  @BeforeEach
  void setUp() {
    admin = TestApiClients.create(TestApiClients.newProgram(), Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    seed = TestApiClients.enrolTotp(admin.clientId()); // before the key's first use, which caches it for a few seconds
    api = new CardApi(port).as(admin);
    card = api.activeCard("NGN");
  }

  @Test
  void withTheScopeAndATotpCodeTheFullDetailsAreRevealedAndLoggedWithoutThem() {
    Http.Response shown;
    try (TopicProbe accessLog = TopicProbe.fromEnd(Topics.API_ACCESS.name());
        TopicProbe cardEvents = TopicProbe.fromEnd(Topics.CARD_EVENTS.name())) {
      shown = reveal(TestApiClients.totpCode(seed), "reveal-1");

      assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
      ApiRequestLogged logged = accessLog.await(ApiRequestLogged.class, record -> record.getMetadata().getRequestId().equals("reveal-1"));
      assertThat(logged.getRoute()).isEqualTo("/v1/cards/{cardId}/sensitive");
      assertThat(logged.getPathIds()).containsExactly(Map.entry("cardId", card.toString()));
      assertThat(logged.getStatus()).isEqualTo(200);
      assertThat(logged.getMetadata().getActorClientId()).isEqualTo(admin.clientId().toString());
      String pan = shown.text("pan");
      assertThat(accessLog.readToEnd()).allSatisfy(record -> assertThat(String.valueOf(record.value())).doesNotContain(pan));
      assertThat(cardEvents.readToEnd()).allSatisfy(record -> assertThat(String.valueOf(record.value())).doesNotContain(pan));
    }
    Http.Response read = api.card(card);
    assertThat(shown.text("pan")).hasSize(16).startsWith(CardServiceTest.BIN).endsWith(read.text("last4"));
    assertThat(luhn(shown.text("pan"))).isTrue();
    assertThat(shown.text("cvv")).matches("\\d{3}");
    assertThat(shown.json().path("exp_month").asInt()).isEqualTo(read.json().path("exp_month").asInt());
    assertThat(shown.header("Cache-Control")).isEqualTo("no-store");
    Http.Response again = reveal(null, "reveal-2");
    assertThat(again.status()).as("within the step-up window").isEqualTo(200);
    assertThat(again.text("cvv")).isEqualTo(shown.text("cvv"));
  }

  @Test
  void withoutStepUpOrWithoutTheScopeNothingIsRevealed() {
    TestApiClients.Client unenrolled = TestApiClients.create(admin.programId(), Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    assertRefused(api.http().as(unenrolled).get("/v1/cards/" + card + "/sensitive"), 403, "step_up_not_enrolled");
    assertRefused(reveal(null, "no-code"), 401, "step_up_required");
    assertRefused(reveal("000000".equals(TestApiClients.totpCode(seed)) ? "111111" : "000000", "wrong-code"), 401, "invalid_totp");

    TestApiClients.Client issuer = TestApiClients.create(admin.programId(), Mode.SANDBOX, Set.of(Role.ISSUER), List.of());
    Http.Response refused = api.http().as(issuer).get("/v1/cards/" + card + "/sensitive");
    assertRefused(refused, 403, "insufficient_scope");
  }

  @Test
  void anotherProgramsCardAndATerminatedCardAreNotRevealed() {
    TestApiClients.Client stranger = TestApiClients.create(TestApiClients.newProgram(), Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    TotpSecret strangerSeed = TestApiClients.enrolTotp(stranger.clientId());
    assertRefused(api.http().as(stranger).send("GET", "/v1/cards/" + card + "/sensitive", null,
        Map.of(StepUps.HEADER, TestApiClients.totpCode(strangerSeed))), 404, "card_not_found");

    assertThat(api.lifecycle(card, "terminate").status()).isEqualTo(200);
    assertRefused(reveal(TestApiClients.totpCode(seed), "terminated"), 409, "invalid_card_state");
  }

  @Test
  void revealsAreSensitiveFiveAMinute() {
    assertThat(reveal(TestApiClients.totpCode(seed), "first").status()).isEqualTo(200);
    for (int i = 2; i <= 5; i++) {
      assertThat(reveal(null, "reveal-" + i).status()).isEqualTo(200);
    }

    assertRefused(reveal(null, "sixth"), 429, "rate_limited");
  }

  private Http.Response reveal(String code, String requestId) {
    Map<String, String> headers = code == null ? Map.of("X-Request-Id", requestId)
        : Map.of("X-Request-Id", requestId, StepUps.HEADER, code);
    return api.http().send("GET", "/v1/cards/" + card + "/sensitive", null, headers);
  }

  private static void assertRefused(Http.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.text("code")).isEqualTo(code);
    assertThat(response.raw().body()).doesNotContainPattern("\\d{16}");
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
    }
    return sum % 10 == 0;
  }
}
