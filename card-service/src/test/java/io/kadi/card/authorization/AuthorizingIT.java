package io.kadi.card.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.card.authorization.application.AuthorizationService;
import io.kadi.card.authorization.application.NewAuthorization;
import io.kadi.card.controls.domain.Channel;
import io.kadi.card.outcome.Outcome;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RequestContext;
import io.kadi.events.authorization.v1.AuthorizationCaptured;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.AuthorizationReversed;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** card-service's side of the hot path, with limits-service's and risk-service's answers sent by the test. */
@CardServiceTest
class AuthorizingIT {

  static final Duration BUDGET = Duration.ofMillis(1500);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AuthorizationService service;
  @Autowired MeterRegistry meters;
  CardApi api;
  Results results;
  TopicProbe authorizations;

  @BeforeEach
  void open() {
    api = new CardApi(port);
    results = new Results();
    authorizations = TopicProbe.fromEnd(Topics.AUTHORIZATIONS.name());
  }

  @AfterEach
  void close() {
    results.close();
    authorizations.close();
  }

  @Test
  void approvesOnceLimitsAndRiskApproveAndKeepsTheHold() {
    UUID cardId = api.fundedCard("NGN", 100_000);

    CompletableFuture<Http.Response> answer = authorizeLater(cardId, 25_000);
    AuthorizationRequested request = requestFor(cardId);
    results.limits(request);
    results.risk(request, 12, RiskAction.allow);

    Http.Response approved = answer.join();
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().path("approved").asBoolean()).isTrue();
    assertThat(approved.text("status")).isEqualTo("approved");
    assertThat(approved.json().path("decline_reason").isNull()).isTrue();
    assertThat(approved.json().path("risk_score").asInt()).isEqualTo(12);
    assertThat(approved.json().path("stand_in").asBoolean()).isFalse();
    assertThat(approved.json().path("held_amount").asLong()).isEqualTo(25_000);
    assertThat(api.balance(cardId)).containsExactly(75_000, 25_000);

    assertThat(request.getAmount()).isEqualTo(25_000);
    assertThat(request.getCurrency()).isEqualTo("NGN");
    assertThat(request.getChannel()).isEqualTo(io.kadi.events.authorization.v1.Channel.pos);
    assertThat(request.getMerchant().getMcc()).isEqualTo("5411");
    assertThat(request.getCardholderTimeZone()).isEqualTo("Africa/Lagos");
    assertThat(request.getCardholderCountry()).isEqualTo("NG");
    assertThat(request.getKycTier()).isEqualTo(2);
    assertThat(request.getDeclinedAtRequest()).isNull();
    assertThat(request.getMetadata().getRequestId()).isEqualTo(approved.header("X-Request-Id"));

    AuthorizationDecided decided = decisionFor(request.getAuthorizationId());
    assertThat(decided.getApproved()).isTrue();
    assertThat(decided.getDeclineReason()).isNull();
    assertThat(decided.getRiskScore()).isEqualTo(12);
    assertThat(decided.getStandIn()).isFalse();
    assertThat(decided.getAvailableBalance()).isEqualTo(75_000);
    assertThat(decided.getHeldBalance()).isEqualTo(25_000);
    assertThat(meters.get("kadi.authorizations").tags("approved", "true", "stand_in", "false").timer().count()).isPositive();
  }

  @Test
  void declinesAtOnceWhatTheCardCannotPayAndStillPublishesTheRequest() {
    UUID frozen = api.fundedCard("NGN", 10_000);
    assertThat(api.lifecycle(frozen, "freeze").status()).isEqualTo(200);
    UUID expired = api.fundedCard("NGN", 10_000);
    jdbc.sql("update cards set exp_year = 2024, exp_month = 1 where id = ?").param(expired).update();
    UUID revoked = api.fundedCard("NGN", 10_000);
    UUID revokedHolder = UUID.fromString(api.card(revoked).text("cardholder_id"));
    assertThat(api.decideKyc(revokedHolder, "{\"status\": \"rejected\", \"reference\": \"sanctions-hit\"}").status()).isEqualTo(200);
    UUID poor = api.fundedCard("NGN", 10_000);

    assertDeclinedAtOnce(frozen, 5_000, "NGN", "card_not_active");
    assertDeclinedAtOnce(expired, 5_000, "NGN", "card_expired");
    assertDeclinedAtOnce(revoked, 5_000, "NGN", "kyc_not_verified");
    assertDeclinedAtOnce(poor, 5_000, "KES", "currency_mismatch");
    assertDeclinedAtOnce(poor, 10_001, "NGN", "insufficient_funds");
  }

  private void assertDeclinedAtOnce(UUID cardId, long amount, String currency, String reason) {
    long[] before = api.balance(cardId);

    Http.Response declined = api.authorize(cardId, amount, currency);

    assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
    assertThat(declined.json().path("approved").asBoolean()).isFalse();
    assertThat(declined.text("decline_reason")).isEqualTo(reason);
    assertThat(declined.json().path("held_amount").asLong()).isZero();
    assertThat(api.balance(cardId)).containsExactly(before);
    AuthorizationRequested request = authorizations.await(AuthorizationRequested.class,
        r -> r.getAuthorizationId().toString().equals(declined.text("id")));
    assertThat(request.getDeclinedAtRequest()).isEqualTo(reason);
    AuthorizationDecided decided = decisionFor(request.getAuthorizationId());
    assertThat(decided.getApproved()).isFalse();
    assertThat(decided.getDeclineReason()).isEqualTo(reason);
    assertThat(decided.getAvailableBalance()).isEqualTo(before[0]);
  }

  @Test
  void declinesWithTheFirstReasonLimitsGiveAndReleasesTheHoldWithoutWaitingForRisk() {
    UUID cardId = api.fundedCard("NGN", 100_000);

    CompletableFuture<Http.Response> answer = authorizeLater(cardId, 40_000);
    AuthorizationRequested request = requestFor(cardId);
    results.limits(request, "velocity_limit", "blocked_category");

    Http.Response declined = answer.join();
    assertThat(declined.json().path("approved").asBoolean()).isFalse();
    assertThat(declined.text("decline_reason")).isEqualTo("blocked_category");
    assertThat(declined.json().path("stand_in").asBoolean()).isFalse();
    assertThat(api.balance(cardId)).containsExactly(100_000, 0);
    assertThat(decisionFor(request.getAuthorizationId()).getHeldBalance()).isZero();
  }

  @Test
  void declinesWhenRiskBlocks() {
    UUID cardId = api.fundedCard("NGN", 100_000);

    CompletableFuture<Http.Response> answer = authorizeLater(cardId, 40_000);
    AuthorizationRequested request = requestFor(cardId);
    results.risk(request, 91, RiskAction.block);

    Http.Response declined = answer.join();
    assertThat(declined.text("decline_reason")).isEqualTo("risk_block");
    assertThat(declined.json().path("risk_score").asInt()).isEqualTo(91);
    assertThat(api.balance(cardId)).containsExactly(100_000, 0);
  }

  @Test
  void answersTheStandInDeclineAtTheBudgetAndALateResultChangesNothing() {
    UUID cardId = api.fundedCard("NGN", 100_000);

    long started = System.nanoTime();
    CompletableFuture<Http.Response> answer = authorizeLater(cardId, 30_000);
    AuthorizationRequested request = requestFor(cardId);
    results.limits(request);
    Http.Response timedOut = answer.join();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isBetween(BUDGET, BUDGET.plusMillis(100));
    assertThat(timedOut.json().path("approved").asBoolean()).isFalse();
    assertThat(timedOut.text("decline_reason")).isEqualTo("timeout");
    assertThat(timedOut.json().path("stand_in").asBoolean()).isTrue();
    assertThat(api.balance(cardId)).containsExactly(100_000, 0);
    AuthorizationDecided decided = decisionFor(request.getAuthorizationId());
    assertThat(decided.getStandIn()).isTrue();
    assertThat(decided.getDeclineReason()).isEqualTo("timeout");
    assertThat(meters.get("kadi.authorizations").tags("decline_reason", "timeout", "stand_in", "true").timer().count())
        .isPositive();

    UUID late = results.risk(request, 0, RiskAction.allow);
    awaitConsumed(late);
    Http.Response later = api.http().get("/v1/authorizations/" + request.getAuthorizationId());
    assertThat(later.text("status")).isEqualTo("declined");
    assertThat(later.text("decline_reason")).isEqualTo("timeout");
    assertThat(api.balance(cardId)).containsExactly(100_000, 0);
    assertThat(authorizations.readToEnd(AuthorizationDecided.class,
        d -> d.getAuthorizationId().equals(request.getAuthorizationId()))).hasSize(1);
  }

  @Test
  void anAuthorizationWhoseInstanceWentAwayIsSweptToTheStandInAndItsHoldReleased() {
    UUID cardId = api.fundedCard("NGN", 100_000);
    UUID orphan = UUID.randomUUID();
    // Requested without the front door, as if the instance holding it had died right after the commit.
    assertThat(service.request(orphan, new NewAuthorization(cardId, 30_000, "NGN", "Jumia", "5311", "NG", null,
        Channel.ECOMMERCE), new RequestContext("orphan-test", "processor", Mode.SANDBOX, null)))
        .isInstanceOf(Outcome.Done.class);
    assertThat(api.balance(cardId)).containsExactly(70_000, 30_000);

    AuthorizationDecided decided = decisionFor(orphan);

    assertThat(decided.getStandIn()).isTrue();
    assertThat(decided.getDeclineReason()).isEqualTo("timeout");
    assertThat(api.balance(cardId)).containsExactly(100_000, 0);
  }

  @Test
  void captureSpendsPartOfTheHoldAndReleasesTheRest() {
    UUID cardId = api.fundedCard("NGN", 100_000);
    UUID authorizationId = approved(cardId, 40_000);

    Http.Response captured = api.capture(authorizationId, 35_000);

    assertThat(captured.status()).as(captured.toString()).isEqualTo(200);
    assertThat(captured.text("status")).isEqualTo("captured");
    assertThat(captured.json().path("captured_amount").asLong()).isEqualTo(35_000);
    assertThat(captured.json().path("held_amount").asLong()).isZero();
    assertThat(api.balance(cardId)).containsExactly(65_000, 0);
    AuthorizationCaptured event = authorizations.await(AuthorizationCaptured.class,
        c -> c.getAuthorizationId().equals(authorizationId));
    assertThat(event.getAmount()).isEqualTo(35_000);
    assertThat(event.getReleasedAmount()).isEqualTo(5_000);
    assertThat(event.getAvailableBalance()).isEqualTo(65_000);

    assertThat(api.capture(authorizationId, 1).text("code")).isEqualTo("invalid_authorization_state");
    assertThat(api.reverse(authorizationId).status()).isEqualTo(409);
  }

  @Test
  void reversalReleasesTheWholeHold() {
    UUID cardId = api.fundedCard("NGN", 100_000);
    UUID authorizationId = approved(cardId, 40_000);

    Http.Response reversed = api.reverse(authorizationId);

    assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
    assertThat(reversed.text("status")).isEqualTo("reversed");
    assertThat(api.balance(cardId)).containsExactly(100_000, 0);
    AuthorizationReversed event = authorizations.await(AuthorizationReversed.class,
        r -> r.getAuthorizationId().equals(authorizationId));
    assertThat(event.getAmount()).isEqualTo(40_000);
    assertThat(event.getAvailableBalance()).isEqualTo(100_000);
    assertThat(api.capture(authorizationId, 1).status()).isEqualTo(409);
  }

  @Test
  void refusesCapturesThatDoNotFitAndChangesNothing() {
    UUID cardId = api.fundedCard("NGN", 100_000);
    UUID authorizationId = approved(cardId, 40_000);

    Http.Response tooMuch = api.capture(authorizationId, 40_001);
    Http.Response zero = api.capture(authorizationId, 0);
    Http.Response unknown = api.capture(UUID.randomUUID(), 1);

    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.text("code")).isEqualTo("invalid_amount");
    assertThat(zero.text("code")).isEqualTo("invalid_amount");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text("code")).isEqualTo("authorization_not_found");
    assertThat(api.balance(cardId)).containsExactly(60_000, 40_000);
  }

  @Test
  void refusesMalformedRequestsWithoutHoldingAnythingOrPublishing() {
    UUID cardId = api.fundedCard("NGN", 100_000);
    long rowsBefore = jdbc.sql("select count(*) from authorizations").query(Long.class).single();

    assertRefused(api.authorize(cardId, 0, "NGN"), 400, "invalid_amount");
    assertRefused(api.authorize(cardId, 100, "XYZ"), 400, "unsupported_currency");
    assertRefused(api.authorize(cardId, 100, "NGN", "54", "NG", "pos"), 400, "validation_failed");
    assertRefused(api.authorize(cardId, 100, "NGN", "5411", "XX", "pos"), 400, "validation_failed");
    assertRefused(api.authorize(cardId, 100, "NGN", "5411", "NG", "telepathy"), 400, "validation_failed");
    assertRefused(api.authorize(UUID.randomUUID(), 100, "NGN"), 404, "card_not_found");
    assertRefused(api.http().post("/v1/authorizations", "{\"card_id\": \"" + cardId + "\", \"amount\": 100}"), 400,
        "validation_failed");

    assertThat(jdbc.sql("select count(*) from authorizations").query(Long.class).single()).isEqualTo(rowsBefore);
    assertThat(api.balance(cardId)).containsExactly(100_000, 0);
    assertThat(authorizations.readToEnd()).isEmpty();
  }

  private static void assertRefused(Http.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void listsACardsFundingsAndAuthorizationsNewestFirstAPageAtATime() {
    UUID cardId = api.fundedCard("NGN", 100_000);
    UUID first = approved(cardId, 10_000);
    Http.Response declined = api.authorize(cardId, 500_000, "NGN");
    assertThat(api.capture(first, 9_000).status()).isEqualTo(200);

    Http.Response page1 = api.transactions(cardId, "?limit=2");
    Http.Response page2 = api.transactions(cardId, "?limit=2&starting_after=" + page1.json().path("data").get(1).path("id").asText());

    assertThat(page1.status()).as(page1.toString()).isEqualTo(200);
    assertThat(page1.json().path("has_more").asBoolean()).isTrue();
    assertThat(page1.json().path("data").get(0).path("id").asText()).isEqualTo(declined.text("id"));
    assertThat(page1.json().path("data").get(0).path("status").asText()).isEqualTo("declined");
    assertThat(page1.json().path("data").get(0).path("decline_reason").asText()).isEqualTo("insufficient_funds");
    assertThat(page1.json().path("data").get(1).path("id").asText()).isEqualTo(first.toString());
    assertThat(page1.json().path("data").get(1).path("captured").asLong()).isEqualTo(9_000);
    assertThat(page1.json().path("data").get(1).path("merchant_mcc").asText()).isEqualTo("5411");
    assertThat(page2.json().path("has_more").asBoolean()).isFalse();
    assertThat(page2.json().path("data")).hasSize(1);
    assertThat(page2.json().path("data").get(0).path("type").asText()).isEqualTo("funding");
    assertThat(page2.json().path("data").get(0).path("amount").asLong()).isEqualTo(100_000);
    assertThat(api.transactions(UUID.randomUUID(), "").status()).isEqualTo(404);
    assertThat(api.transactions(cardId, "?limit=101").status()).isEqualTo(400);
  }

  @Test
  void aResultForAnUnknownAuthorizationIsDeadLetteredAndTheNextIsStillJoined() {
    UUID cardId = api.fundedCard("NGN", 100_000);
    try (TopicProbe deadLetters = TopicProbe.fromEnd(Topics.LIMIT_DECISIONS.deadLetterTopic("card-service"));
        TestProducer producer = new TestProducer()) {
      CompletableFuture<Http.Response> answer = authorizeLater(cardId, 1_000);
      AuthorizationRequested request = requestFor(cardId);
      AuthorizationRequested unknown = AuthorizationRequested.newBuilder(request).setAuthorizationId(UUID.randomUUID()).build();

      producer.publish(Topics.LIMIT_DECISIONS.name(), cardId.toString(), Results.limitsEvaluated(unknown));
      results.approve(request);

      assertThat(answer.join().json().path("approved").asBoolean()).isTrue();
      TopicProbe.Received dead = deadLetters.awaitRecord(r -> true);
      assertThat(new String(dead.raw().headers().lastHeader("kadi-dlt-reason").value()))
          .contains("No authorization " + unknown.getAuthorizationId());
    }
  }

  private UUID approved(UUID cardId, long amount) {
    CompletableFuture<Http.Response> answer = authorizeLater(cardId, amount);
    results.approve(requestFor(cardId));
    Http.Response approved = answer.join();
    assertThat(approved.json().path("approved").asBoolean()).as(approved.toString()).isTrue();
    return UUID.fromString(approved.text("id"));
  }

  private CompletableFuture<Http.Response> authorizeLater(UUID cardId, long amount) {
    return CompletableFuture.supplyAsync(() -> api.authorize(cardId, amount, "NGN"));
  }

  private AuthorizationRequested requestFor(UUID cardId) {
    return authorizations.await(AuthorizationRequested.class, r -> r.getCardId().equals(cardId));
  }

  private AuthorizationDecided decisionFor(UUID authorizationId) {
    return authorizations.await(AuthorizationDecided.class, d -> d.getAuthorizationId().equals(authorizationId));
  }

  private void awaitConsumed(UUID resultEventId) {
    Awaitility.await().untilAsserted(() -> assertThat(jdbc.sql(
        "select count(*) from inbox where handler = 'authorization-results' and message_id = ?")
        .param(resultEventId.toString()).query(Long.class).single()).isOne());
  }
}
