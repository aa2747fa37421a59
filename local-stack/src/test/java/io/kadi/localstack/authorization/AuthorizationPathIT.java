package io.kadi.localstack.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.card.CardApi;
import io.kadi.events.alert.v1.Alert;
import io.kadi.events.alert.v1.AlertSeverity;
import io.kadi.events.authorization.v1.AuthorizationCaptured;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.AuthorizationReversed;
import io.kadi.events.limits.v1.LimitViolation;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.events.risk.v1.FiredRule;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestDatabase;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.localstack.Services;
import io.kadi.schemas.topics.Topics;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hot path with all four services: every decline reason limits-service and card-service give, and the approve
 * path, asserting the answer, the events on every topic, the balances, the reservations and the audit log.
 */
class AuthorizationPathIT {

  static Services services;
  static final JdbcClient database = JdbcClient.create(TestDatabase.get().dataSource());
  CardApi api;
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
    api = new CardApi(services.cardPort());
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
  void anApprovedAuthorizationHoldsReservesIsCapturedAndEveryStepIsAudited() {
    UUID cardId = api.fundedCard("NGN", 1_000_000);

    Http.Response approved = api.authorize(cardId, 250_000, "NGN");

    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().path("approved").asBoolean()).as(approved.toString()).isTrue();
    assertThat(approved.json().path("stand_in").asBoolean()).isFalse();
    UUID id = UUID.fromString(approved.text("id"));
    assertThat(api.balance(cardId)).containsExactly(750_000, 250_000);
    AuthorizationRequested request = authorizations.await(AuthorizationRequested.class, r -> r.getAuthorizationId().equals(id));
    LimitsEvaluated limits = limitDecisions.await(LimitsEvaluated.class, l -> l.getAuthorizationId().equals(id));
    RiskAssessed risk = riskAssessments.await(RiskAssessed.class, r -> r.getAuthorizationId().equals(id));
    AuthorizationDecided decided = authorizations.await(AuthorizationDecided.class, d -> d.getAuthorizationId().equals(id));
    assertThat(limits.getApproved()).isTrue();
    assertThat(limits.getViolations()).isEmpty();
    assertThat(risk.getAction()).isEqualTo(RiskAction.allow);
    assertThat(approved.json().path("risk_score").asInt()).isEqualTo(risk.getScore());
    assertThat(decided.getApproved()).isTrue();
    assertThat(decided.getRiskScore()).isEqualTo(risk.getScore());
    assertThat(List.of(limits.getMetadata().getRequestId(), risk.getMetadata().getRequestId(), decided.getMetadata().getRequestId()))
        .containsOnly(approved.header("X-Request-Id"));
    await().untilAsserted(() -> assertThat(reservation(id)).isEqualTo("committed"));

    Http.Response captured = api.capture(id, 200_000);

    assertThat(captured.status()).as(captured.toString()).isEqualTo(200);
    assertThat(api.balance(cardId)).containsExactly(800_000, 0);
    AuthorizationCaptured capture = authorizations.await(AuthorizationCaptured.class, c -> c.getAuthorizationId().equals(id));
    await().untilAsserted(() -> assertThat(reservation(id)).isEqualTo("captured"));
    assertThat(reservedAmount(id)).isEqualTo(200_000);
    assertAudited(request, limits, risk, decided, capture);
  }

  @Test
  void aReversalReleasesTheHoldAndTheReservation() {
    UUID cardId = api.fundedCard("NGN", 1_000_000);
    UUID id = UUID.fromString(api.authorize(cardId, 100_000, "NGN").text("id"));

    assertThat(api.reverse(id).status()).isEqualTo(200);

    assertThat(api.balance(cardId)).containsExactly(1_000_000, 0);
    AuthorizationReversed reversed = authorizations.await(AuthorizationReversed.class, r -> r.getAuthorizationId().equals(id));
    await().untilAsserted(() -> assertThat(reservation(id)).isEqualTo("released"));
    assertAudited(reversed);
  }

  @Test
  void limitsServiceDeclinesForEachControlWithItsReasonAndTheHoldIsReleased() {
    UUID cardId = api.fundedCard("NGN", 10_000_000);
    assertThat(api.setControls("cards", cardId, """
        {"spending_limits": [{"amount": 600000, "interval": "daily"}],
         "velocity_limits": [{"count": 3, "window_seconds": 3600}],
         "blocked_categories": ["5812"], "blocked_countries": ["GH"], "allowed_channels": ["pos", "ecommerce"]}""")
        .status()).isEqualTo(200);

    assertThat(api.authorize(cardId, 400_000, "NGN").json().path("approved").asBoolean()).isTrue();
    assertDeclined(api.authorize(cardId, 300_000, "NGN"), "spending_limit", cardId);
    assertDeclined(api.authorize(cardId, 1_000, "NGN", "5812", "NG", "pos"), "blocked_category", cardId);
    assertDeclined(api.authorize(cardId, 1_000, "NGN", "5411", "GH", "pos"), "blocked_country", cardId);
    assertDeclined(api.authorize(cardId, 1_000, "NGN", "5411", "NG", "atm"), "blocked_channel", cardId);
    assertThat(api.authorize(cardId, 1_000, "NGN").json().path("approved").asBoolean()).isTrue();
    assertThat(api.authorize(cardId, 1_000, "NGN").json().path("approved").asBoolean()).isTrue();
    assertDeclined(api.authorize(cardId, 1_000, "NGN"), "velocity_limit", cardId);

    assertThat(api.balance(cardId)).containsExactly(10_000_000 - 402_000, 402_000);
  }

  @Test
  void aCardholderLimitCountsEveryCardOfTheCardholder() {
    UUID first = api.fundedCard("NGN", 1_000_000);
    UUID cardholderId = UUID.fromString(api.card(first).text("cardholder_id"));
    UUID second = UUID.fromString(api.issueCard(cardholderId, "NGN").text("id"));
    assertThat(api.fund(second, 1_000_000, "NGN", "second").status()).isEqualTo(201);
    assertThat(api.setControls("cardholders", cardholderId,
        "{\"spending_limits\": [{\"amount\": 500000, \"currency\": \"NGN\", \"interval\": \"weekly\"}]}").status()).isEqualTo(200);

    assertThat(api.authorize(first, 300_000, "NGN").json().path("approved").asBoolean()).isTrue();
    Http.Response declined = api.authorize(second, 300_000, "NGN");

    assertDeclined(declined, "spending_limit", second);
    LimitsEvaluated limits = limitDecisions.await(LimitsEvaluated.class,
        l -> l.getAuthorizationId().toString().equals(declined.text("id")));
    assertThat(limits.getViolations()).extracting(LimitViolation::getScope).containsExactly("cardholder");
  }

  @Test
  void cardServiceDeclinesAtOnceWhatTheCardCannotPayAndLimitsServiceReservesNothing() {
    UUID frozen = api.fundedCard("NGN", 10_000);
    assertThat(api.lifecycle(frozen, "freeze").status()).isEqualTo(200);
    UUID expired = api.fundedCard("NGN", 10_000);
    database.sql("update card.cards set exp_year = 2024 where id = ?").param(expired).update();
    UUID revoked = api.fundedCard("NGN", 10_000);
    assertThat(api.decideKyc(UUID.fromString(api.card(revoked).text("cardholder_id")),
        "{\"status\": \"rejected\", \"reference\": \"sanctions-hit\"}").status()).isEqualTo(200);
    UUID poor = api.fundedCard("NGN", 10_000);

    assertDeclinedAtOnce(api.authorize(frozen, 5_000, "NGN"), "card_not_active", frozen);
    assertDeclinedAtOnce(api.authorize(expired, 5_000, "NGN"), "card_expired", expired);
    assertDeclinedAtOnce(api.authorize(revoked, 5_000, "NGN"), "kyc_not_verified", revoked);
    assertDeclinedAtOnce(api.authorize(poor, 5_000, "GHS"), "currency_mismatch", poor);
    assertDeclinedAtOnce(api.authorize(poor, 10_001, "NGN"), "insufficient_funds", poor);
  }

  private void assertDeclinedAtOnce(Http.Response declined, String reason, UUID cardId) {
    long[] before = api.balance(cardId);
    assertDeclined(declined, reason, cardId);
    UUID id = UUID.fromString(declined.text("id"));
    AuthorizationRequested request = authorizations.await(AuthorizationRequested.class, r -> r.getAuthorizationId().equals(id));
    AuthorizationDecided decided = authorizations.await(AuthorizationDecided.class, d -> d.getAuthorizationId().equals(id));
    assertThat(request.getDeclinedAtRequest()).isEqualTo(reason);
    assertAudited(request, decided);
    assertThat(api.balance(cardId)).containsExactly(before);
    assertThat(reservation(id)).isNull();
    assertThat(limitDecisions.readToEnd(LimitsEvaluated.class, l -> l.getAuthorizationId().equals(id))).isEmpty();
  }

  @Test
  void cardTestingIsBlockedOnTheTenthSmallAuthorizationAndAlerted() {
    UUID cardId = api.fundedCard("NGN", 100_000);
    try (TopicProbe alerts = TopicProbe.fromEnd(Topics.ALERTS.name())) {
      for (int attempt = 1; attempt < 10; attempt++) {
        assertThat(api.authorize(cardId, 50, "NGN", "5999", "NG", "ecommerce").json().path("approved").asBoolean())
            .as("small authorization %d", attempt).isTrue();
      }

      Http.Response tenth = api.authorize(cardId, 50, "NGN", "5999", "NG", "ecommerce");

      assertDeclined(tenth, "risk_block", cardId);
      UUID id = UUID.fromString(tenth.text("id"));
      RiskAssessed risk = riskAssessments.await(RiskAssessed.class, r -> r.getAuthorizationId().equals(id));
      assertThat(risk.getAction()).isEqualTo(RiskAction.block);
      assertThat(risk.getFiredRules()).extracting(FiredRule::getRule).contains("card_testing", "velocity_1m");
      FiredRule cardTesting = risk.getFiredRules().stream().filter(r -> r.getRule().equals("card_testing")).findFirst().orElseThrow();
      assertThat(cardTesting.getWeight()).isEqualTo(60);
      assertThat(cardTesting.getFeatures()).containsEntry("small_authorizations_5m", "10");
      Alert alert = alerts.await(Alert.class, a -> a.getDetails().containsValue(id.toString()));
      assertThat(alert.getType()).isEqualTo("risk_block");
      assertThat(alert.getSeverity()).isEqualTo(AlertSeverity.critical);
      assertThat(alert.getSubjectId()).isEqualTo(cardId.toString());
      assertThat(tenth.json().path("risk_score").asInt()).isEqualTo(risk.getScore()).isGreaterThanOrEqualTo(80);
      assertAudited(risk, alert);
    }
  }

  @Test
  void offHoursInTheCardholdersTimeZoneFiresAndWithAForeignGamblingMerchantIsReviewedAndAlerted() {
    ZoneId night = zoneWhereItIsNight();
    Http.Response holder = api.http().post("/v1/cardholders", """
        {"name": "Kwame Mensah", "email": "kwame@example.com", "phone_number": "+233241234567", "country": "NG",
         "timezone": "%s"}""".formatted(night.getId()));
    UUID cardholderId = UUID.fromString(holder.text("id"));
    assertThat(api.decideKyc(cardholderId, "{\"status\": \"verified\", \"tier\": 3, \"reference\": \"night\"}").status())
        .isEqualTo(200);
    UUID cardId = UUID.fromString(api.issueCard(cardholderId, "NGN").text("id"));
    assertThat(api.fund(cardId, 100_000, "NGN", "night-funds").status()).isEqualTo(201);
    try (TopicProbe alerts = TopicProbe.fromEnd(Topics.ALERTS.name())) {
      Http.Response approved = api.authorize(cardId, 5_000, "NGN", "7995", "GH", "ecommerce");

      assertThat(approved.json().path("approved").asBoolean()).as(approved.toString()).isTrue();
      UUID id = UUID.fromString(approved.text("id"));
      RiskAssessed risk = riskAssessments.await(RiskAssessed.class, r -> r.getAuthorizationId().equals(id));
      assertThat(risk.getFiredRules()).extracting(FiredRule::getRule)
          .containsExactly("new_foreign_country", "high_risk_mcc", "off_hours");
      assertThat(risk.getScore()).isEqualTo(65);
      assertThat(risk.getAction()).isEqualTo(RiskAction.review);
      FiredRule offHours = risk.getFiredRules().getLast();
      assertThat(offHours.getFeatures()).containsEntry("time_zone", night.getId());
      Alert alert = alerts.await(Alert.class, a -> a.getDetails().containsValue(id.toString()));
      assertThat(alert.getType()).isEqualTo("risk_review");
      assertThat(alert.getSeverity()).isEqualTo(AlertSeverity.warning);
      assertAudited(risk, alert);
    }
  }

  /** A time zone where it is now between 02:00 and 03:59, inside the default night of 01:00 to 05:00. */
  private static ZoneId zoneWhereItIsNight() {
    Instant now = Instant.now();
    return ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of)
        .filter(zone -> zone.getId().contains("/"))
        .filter(zone -> now.atZone(zone).getHour() == 2 || now.atZone(zone).getHour() == 3)
        .findFirst().orElseThrow();
  }

  private void assertDeclined(Http.Response response, String reason, UUID cardId) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("approved").asBoolean()).as(response.toString()).isFalse();
    assertThat(response.text("decline_reason")).as(response.toString()).isEqualTo(reason);
    assertThat(response.json().path("held_amount").asLong()).isZero();
    UUID id = UUID.fromString(response.text("id"));
    AuthorizationDecided decided = authorizations.await(AuthorizationDecided.class, d -> d.getAuthorizationId().equals(id));
    assertThat(decided.getDeclineReason()).isEqualTo(reason);
    assertThat(decided.getCardId()).isEqualTo(cardId);
    await().untilAsserted(() -> assertThat(reservation(id)).isIn(null, "declined", "released"));
    assertAudited(decided);
  }

  private static String reservation(UUID authorizationId) {
    return database.sql("select status from limits.reservations where authorization_id = ?").param(authorizationId)
        .query(String.class).optional().orElse(null);
  }

  private static long reservedAmount(UUID authorizationId) {
    return database.sql("select amount from limits.reservations where authorization_id = ?").param(authorizationId)
        .query(Long.class).single();
  }

  private static void assertAudited(SpecificRecord... records) {
    for (SpecificRecord record : records) {
      UUID eventId = io.kadi.kit.context.RecordMetadata.of(record).getEventId();
      await().untilAsserted(() -> assertThat(database.sql("select count(*) from audit.audit_log where event_id = ?")
          .param(eventId).query(Long.class).single()).as(record.getSchema().getName()).isOne());
    }
    assertThat(services.audit().get("/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
  }
}
