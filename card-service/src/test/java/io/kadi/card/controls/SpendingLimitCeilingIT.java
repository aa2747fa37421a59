package io.kadi.card.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.Role;
import io.kadi.kit.security.StepUps;
import io.kadi.kit.security.totp.TotpSecret;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Raising a spending limit above the program's ceiling is privileged: it needs a TOTP step-up. */
@CardServiceTest
class SpendingLimitCeilingIT {

  private static final long CEILING = 10_000_000; // NGN 100,000.00

  @LocalServerPort int port;
  UUID program;
  TestApiClients.Client issuer;
  TotpSecret seed;
  CardApi api;
  UUID card;

  @BeforeEach
  void setUp() {
    TestApiClients.Client operator = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.OPERATOR), List.of());
    TotpSecret operatorSeed = TestApiClients.enrolTotp(operator.clientId());
    Http.Response created = new Http(port, operator.credentials()).send("POST", "/v1/programs",
        "{\"name\": \"payroll cards\", \"spending_limit_ceilings\": {\"NGN\": " + CEILING + "}}",
        Map.of("Content-Type", "application/json", StepUps.HEADER, TestApiClients.totpCode(operatorSeed)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    program = UUID.fromString(created.text("id"));
    issuer = TestApiClients.create(program, Mode.SANDBOX, Set.of(Role.ISSUER), List.of());
    seed = TestApiClients.enrolTotp(issuer.clientId());
    api = new CardApi(port).as(issuer);
    card = api.activeCard("NGN");
  }

  @Test
  void aLimitUpToTheCeilingNeedsNoStepUp() {
    assertThat(api.setControls("cards", card, limit(CEILING)).status()).isEqualTo(200);
  }

  @Test
  void aLimitAboveTheCeilingNeedsTheCurrentCodeAndIsNotSavedWithoutIt() {
    assertThat(api.setControls("cards", card, limit(CEILING)).status()).isEqualTo(200);

    Http.Response refused = api.setControls("cards", card, limit(CEILING + 1));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.text("code")).isEqualTo("step_up_required");
    assertThat(limitOf(card)).isEqualTo(CEILING);
    Http.Response raised = api.http().send("PUT", "/v1/cards/" + card + "/spending_controls", limit(CEILING + 1),
        Map.of("Content-Type", "application/json", StepUps.HEADER, TestApiClients.totpCode(seed)));
    assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
    assertThat(limitOf(card)).isEqualTo(CEILING + 1);
  }

  @Test
  void aClientWithoutTotpCannotRaiseALimitAboveTheCeilingOfACardholderEither() {
    TestApiClients.Client unenrolled = TestApiClients.create(program, Mode.SANDBOX, Set.of(Role.ISSUER), List.of());
    UUID cardholder = UUID.fromString(api.card(card).text("cardholder_id"));

    Http.Response refused = api.as(unenrolled).setControls("cardholders", cardholder,
        "{\"spending_limits\": [{\"amount\": " + (CEILING * 2) + ", \"currency\": \"NGN\", \"interval\": \"monthly\"}]}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.text("code")).isEqualTo("step_up_not_enrolled");
    assertThat(api.http().get("/v1/cardholders/" + cardholder + "/spending_controls").json().path("spending_limits")).isEmpty();
  }

  @Test
  void takingAwayTheLimitsWithinTheCeilingIsRaisingThemAndNeedsTheCodeToo() {
    assertThat(api.setControls("cards", card, limit(CEILING / 2)).status()).isEqualTo(200);

    Http.Response refused = api.setControls("cards", card, "{\"blocked_categories\": [\"7995\"]}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.text("code")).isEqualTo("step_up_required");
    assertThat(limitOf(card)).isEqualTo(CEILING / 2);
    assertThat(api.setControls("cards", card, limit(CEILING / 4)).status()).as("lowering needs nothing").isEqualTo(200);
  }

  @Test
  void aLimitInAnotherCurrencyThanTheCeilingsIsNotCapped() {
    UUID shillings = api.activeCard("KES");

    assertThat(api.setControls("cards", shillings, "{\"spending_limits\": [{\"amount\": " + (CEILING * 10)
        + ", \"interval\": \"daily\"}]}").status()).isEqualTo(200);
  }

  private long limitOf(UUID card) {
    return api.http().get("/v1/cards/" + card + "/spending_controls").json().path("spending_limits").get(0).path("amount").asLong();
  }

  private static String limit(long amount) {
    return "{\"spending_limits\": [{\"amount\": " + amount + ", \"interval\": \"daily\"}]}";
  }
}
