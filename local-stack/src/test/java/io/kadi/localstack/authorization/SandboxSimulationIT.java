package io.kadi.localstack.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.card.CardApi;
import io.kadi.events.alert.v1.Alert;
import io.kadi.events.alert.v1.AlertSeverity;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.limits.v1.LimitViolation;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.events.risk.v1.FiredRule;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.Role;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TestDatabase;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.localstack.Services;
import io.kadi.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sandbox failure simulation end to end, as docs/api.md documents it: each magic amount of a sandbox authorization
 * fails through the service that owns the failure, and the processor's answer is the one a real failure gets; a live
 * card is approved for the same amounts. One stack for every case.
 */
class SandboxSimulationIT {

  static final Duration BUDGET = Duration.ofMillis(1500);
  static final long FUNDS = 1_000_000;
  static Services services;
  static final JdbcClient database = JdbcClient.create(TestDatabase.get().dataSource());
  CardApi sandbox;
  TopicProbe authorizations;
  TopicProbe limitDecisions;
  TopicProbe riskAssessments;

  @BeforeAll
  static void start() {
    services = Services.all();
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  @BeforeEach
  void open() {
    sandbox = new CardApi(services.cardPort());
    authorizations = TopicProbe.fromEnd(Topics.AUTHORIZATIONS.name());
    limitDecisions = TopicProbe.fromEnd(Topics.LIMIT_DECISIONS.name());
    riskAssessments = TopicProbe.fromEnd(Topics.RISK_ASSESSMENTS.name());
  }

  @AfterEach
  void close() {
    authorizations.close();
    limitDecisions.close();
    riskAssessments.close();
  }

  @Test
  void inSandboxEachMagicAmountFailsThroughTheServiceThatOwnsTheFailure() {
    UUID cardId = sandbox.fundedCard("NGN", FUNDS);

    Http.Response funds = sandbox.authorize(cardId, 40_051, "NGN");
    assertDeclined(funds, "insufficient_funds", false);
    assertThat(requestOf(funds).getDeclinedAtRequest()).isEqualTo("insufficient_funds");

    Http.Response invalid = sandbox.authorize(cardId, 40_055, "NGN");
    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(invalid.text("code")).isEqualTo("validation_failed");
    assertThat(invalid.json().path("errors").get(0).path("field").asText()).isEqualTo("amount");
    assertThat(sandbox.balance(cardId)).containsExactly(FUNDS, 0);

    Http.Response limit = sandbox.authorize(cardId, 40_052, "NGN");
    assertDeclined(limit, "spending_limit", false);
    LimitsEvaluated limits = limitDecisions.await(LimitsEvaluated.class, l -> l.getAuthorizationId().equals(idOf(limit)));
    assertThat(limits.getApproved()).isFalse();
    assertThat(limits.getViolations()).extracting(LimitViolation::getCode, LimitViolation::getScope)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("spending_limit", "card"));
    await().untilAsserted(() -> assertThat(reservation(idOf(limit))).isEqualTo("released"));

    Http.Response block;
    try (TopicProbe alerts = TopicProbe.fromEnd(Topics.ALERTS.name())) {
      block = sandbox.authorize(cardId, 40_053, "NGN");
      assertDeclined(block, "risk_block", false);
      assertThat(block.json().path("risk_score").asInt()).isEqualTo(100);
      RiskAssessed risk = riskAssessments.await(RiskAssessed.class, r -> r.getAuthorizationId().equals(idOf(block)));
      assertThat(risk.getScore()).isEqualTo(100);
      assertThat(risk.getAction()).isEqualTo(RiskAction.block);
      assertThat(risk.getFiredRules()).extracting(FiredRule::getRule).containsExactly("sandbox_simulated_block");
      Alert alert = alerts.await(Alert.class, a -> a.getDetails().containsValue(idOf(block).toString()));
      assertThat(alert.getType()).isEqualTo("risk_block");
      assertThat(alert.getSeverity()).isEqualTo(AlertSeverity.critical);
      assertThat(alert.getDetails()).containsEntry("firedRules", "sandbox_simulated_block");
    }

    long started = System.nanoTime();
    Http.Response timeout = sandbox.authorize(cardId, 40_054, "NGN");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).isBetween(BUDGET, BUDGET.plusMillis(100));
    assertDeclined(timeout, "timeout", true);
    assertThat(timeout.json().path("risk_score").isNull()).isTrue();
    await().untilAsserted(() -> assertThat(reservation(idOf(timeout))).isEqualTo("released"));
    // risk-service reads the decline after the request, so once it has recorded the decline it had read the request.
    await().untilAsserted(() -> assertThat(riskHistory(idOf(timeout))).isEqualTo("declined"));
    assertThat(riskAssessments.readToEnd(RiskAssessed.class, r -> r.getAuthorizationId().equals(idOf(timeout)))).isEmpty();

    assertThat(sandbox.balance(cardId)).containsExactly(FUNDS, 0);
    // The refused request was never published: the four after it on the card's partition were.
    assertThat(authorizations.readToEnd(AuthorizationRequested.class, r -> r.getCardId().equals(cardId)))
        .extracting(AuthorizationRequested::getAmount).containsExactly(40_051L, 40_052L, 40_053L, 40_054L);
  }

  @Test
  void inLiveTheSameAmountsAreApprovedAsAnyOther() {
    CardApi live = sandbox.as(TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.LIVE,
        Set.of(Role.ISSUER, Role.PROCESSOR), List.of()));
    UUID cardId = live.fundedCard("NGN", FUNDS);

    long held = 0;
    for (long amount : new long[] {40_051, 40_052, 40_053, 40_054, 40_055}) {
      Http.Response approved = live.authorize(cardId, amount, "NGN");

      assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
      assertThat(approved.json().path("approved").asBoolean()).as("%d: %s", amount, approved).isTrue();
      assertThat(approved.json().path("decline_reason").isNull()).isTrue();
      assertThat(approved.json().path("stand_in").asBoolean()).isFalse();
      assertThat(approved.json().path("risk_score").asInt()).isLessThan(50);
      held += amount;
    }
    assertThat(live.balance(cardId)).containsExactly(FUNDS - held, held);
  }

  @Test
  void inSandboxTheRejectedKycReferenceRejectsTheCardholderAndTheirCardIsThenDeclined() {
    UUID cardId = sandbox.fundedCard("NGN", FUNDS);
    UUID cardholderId = UUID.fromString(sandbox.card(cardId).text("cardholder_id"));

    Http.Response decided = sandbox.decideKyc(cardholderId,
        "{\"status\": \"verified\", \"tier\": 3, \"reference\": \"sandbox_kyc_rejected\"}");

    assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    assertThat(decided.text("kyc_status")).isEqualTo("rejected");
    assertDeclined(sandbox.authorize(cardId, 5_000, "NGN"), "kyc_not_verified", false);
    assertThat(sandbox.issueCard(cardholderId, "NGN").text("code")).isEqualTo("kyc_not_verified");
  }

  private void assertDeclined(Http.Response response, String reason, boolean standIn) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("approved").asBoolean()).as(response.toString()).isFalse();
    assertThat(response.text("status")).isEqualTo("declined");
    assertThat(response.text("decline_reason")).as(response.toString()).isEqualTo(reason);
    assertThat(response.json().path("stand_in").asBoolean()).isEqualTo(standIn);
    assertThat(response.json().path("held_amount").asLong()).isZero();
    AuthorizationDecided decided = authorizations.await(AuthorizationDecided.class,
        d -> d.getAuthorizationId().equals(idOf(response)));
    assertThat(decided.getDeclineReason()).isEqualTo(reason);
    assertThat(decided.getStandIn()).isEqualTo(standIn);
  }

  private AuthorizationRequested requestOf(Http.Response response) {
    return authorizations.await(AuthorizationRequested.class, r -> r.getAuthorizationId().equals(idOf(response)));
  }

  private static UUID idOf(Http.Response response) {
    return UUID.fromString(response.text("id"));
  }

  private static String reservation(UUID authorizationId) {
    return database.sql("select status from limits.reservations where authorization_id = ?").param(authorizationId)
        .query(String.class).optional().orElse(null);
  }

  private static String riskHistory(UUID authorizationId) {
    return database.sql("select status from risk.authorization_history where authorization_id = ?").param(authorizationId)
        .query(String.class).optional().orElse(null);
  }
}
