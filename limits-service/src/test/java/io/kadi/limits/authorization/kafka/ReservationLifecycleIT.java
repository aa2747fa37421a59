package io.kadi.limits.authorization.kafka;

import static io.kadi.limits.authorization.kafka.LimitDecisionsProbe.expected;
import static io.kadi.limits.testing.AuthorizationEvents.approved;
import static io.kadi.limits.testing.AuthorizationEvents.captured;
import static io.kadi.limits.testing.AuthorizationEvents.controls;
import static io.kadi.limits.testing.AuthorizationEvents.decided;
import static io.kadi.limits.testing.AuthorizationEvents.declined;
import static io.kadi.limits.testing.AuthorizationEvents.limit;
import static io.kadi.limits.testing.AuthorizationEvents.metadataAt;
import static io.kadi.limits.testing.AuthorizationEvents.requested;
import static io.kadi.limits.testing.AuthorizationEvents.reversed;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.card.v1.LimitInterval;
import io.kadi.events.card.v1.SpendingControls;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.limits.testing.LimitsServiceTest;
import io.kadi.limits.testing.ReservationsTable;
import io.kadi.limits.testing.ReservationsTable.Row;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LimitsServiceTest
class ReservationLifecycleIT {

  private static final Instant MORNING = Instant.parse("2025-03-01T09:00:00Z");
  /** NGN 1000.00 a day on the card. */
  private static final SpendingControls DAILY_1000 = controls()
      .setSpendingLimits(List.of(limit(1000_00, "NGN", LimitInterval.daily))).build();

  @Autowired JdbcClient jdbc;
  ReservationsTable reservations;
  LimitDecisionsProbe limits;
  final UUID card = UUID.randomUUID();
  final UUID cardholder = UUID.randomUUID();

  @BeforeEach
  void open() {
    reservations = new ReservationsTable(jdbc);
    limits = new LimitDecisionsProbe();
  }

  @AfterEach
  void close() {
    limits.close();
  }

  private AuthorizationRequested request(long amount) {
    return requested(card, cardholder, amount, "NGN").setMetadata(metadataAt(MORNING)).setCardControls(DAILY_1000).build();
  }

  /** Evaluates the request, which must be approved. */
  private AuthorizationRequested approvedByLimits(long amount) {
    AuthorizationRequested request = request(amount);
    LimitsEvaluated evaluated = limits.evaluate(request);
    assertThat(evaluated).isEqualTo(expected(request, evaluated));
    return request;
  }

  private Row row(AuthorizationRequested request, long amount, String status) {
    return new Row(request.getAuthorizationId(), card, cardholder, amount, "NGN", "5411", MORNING, status);
  }

  @Test
  void anApprovalCommitsTheReservationWhichKeepsCounting() {
    AuthorizationRequested request = approvedByLimits(800_00);

    limits.publish(card, approved(request));

    assertThat(reservations.awaitStatus(request.getAuthorizationId(), "committed")).isEqualTo(row(request, 800_00, "committed"));
    assertThat(limits.evaluate(request(300_00)).getApproved()).isFalse();
  }

  @Test
  void aDeclineReleasesTheReservationWhichCountsNoMore() {
    AuthorizationRequested request = approvedByLimits(800_00);

    limits.publish(card, declined(request, "risk_block"));

    assertThat(reservations.awaitStatus(request.getAuthorizationId(), "released")).isEqualTo(row(request, 800_00, "released"));
    approvedByLimits(1000_00);
  }

  @Test
  void aTimeoutReleasesTheReservationToo() {
    AuthorizationRequested request = approvedByLimits(800_00);

    limits.publish(card, decided(request, false, "timeout", true));

    assertThat(reservations.awaitStatus(request.getAuthorizationId(), "released")).isEqualTo(row(request, 800_00, "released"));
  }

  @Test
  void aCaptureCountsTheCapturedAmountFromThenOn() {
    AuthorizationRequested request = approvedByLimits(800_00);
    limits.publish(card, approved(request));

    limits.publish(card, captured(request, 300_00));

    assertThat(reservations.awaitStatus(request.getAuthorizationId(), "captured")).isEqualTo(row(request, 300_00, "captured"));
    approvedByLimits(700_00);
    assertThat(limits.evaluate(request(1_00)).getApproved()).isFalse();
  }

  @Test
  void aReversalReleasesTheReservation() {
    AuthorizationRequested request = approvedByLimits(800_00);
    limits.publish(card, approved(request));

    limits.publish(card, reversed(request));

    assertThat(reservations.awaitStatus(request.getAuthorizationId(), "released")).isEqualTo(row(request, 800_00, "released"));
    approvedByLimits(1000_00);
  }

  @Test
  void aStandInApprovalOfWhatLimitsDeclinedIsCommittedAndCounts() {
    AuthorizationRequested request = request(1200_00);
    assertThat(limits.evaluate(request).getApproved()).isFalse();
    assertThat(reservations.row(request.getAuthorizationId())).contains(row(request, 1200_00, "declined"));

    limits.publish(card, decided(request, true, null, true));

    assertThat(reservations.awaitStatus(request.getAuthorizationId(), "committed")).isEqualTo(row(request, 1200_00, "committed"));
    assertThat(limits.evaluate(request(1_00)).getApproved()).isFalse();
  }

  @Test
  void anApprovalOfAnAuthorizationLimitsNeverSawIsCommittedFromTheDecisionsFacts() {
    // Its request was dead-lettered, say: limits know the authorization only from its decision.
    AuthorizationRequested unseen = request(900_00);
    AuthorizationDecided decision = decided(unseen, true, null, true);

    limits.publish(card, decision);

    assertThat(reservations.awaitStatus(unseen.getAuthorizationId(), "committed")).isEqualTo(new Row(
        unseen.getAuthorizationId(), card, cardholder, 900_00, "NGN", null, decision.getMetadata().getOccurredAt(), "committed"));
  }

  @Test
  void aDeclineOfAnAuthorizationLimitsNeverSawKeepsNothing() {
    AuthorizationRequested unseen = request(900_00);
    AuthorizationDecided decision = declined(unseen, "card_not_active");

    limits.publish(card, decision);
    approvedByLimits(100_00); // same card, same partition: handled after the decision

    assertThat(reservations.row(unseen.getAuthorizationId())).isEmpty();
    assertThat(reservations.inboxRows(decision.getMetadata().getEventId())).isEqualTo(1);
  }

  @Test
  void redeliveredDecisionsCapturesAndReversalsChangeNothingTwice() {
    AuthorizationRequested request = approvedByLimits(800_00);
    AuthorizationDecided approval = approved(request);
    var capture = captured(request, 300_00);
    limits.publish(card, approval);
    limits.publish(card, capture);
    reservations.awaitStatus(request.getAuthorizationId(), "captured");
    AuthorizationRequested reversedOne = approvedByLimits(100_00);
    var reversal = reversed(reversedOne);
    limits.publish(card, approved(reversedOne));
    limits.publish(card, reversal);
    reservations.awaitStatus(reversedOne.getAuthorizationId(), "released");

    limits.publish(card, approval);
    limits.publish(card, capture);
    limits.publish(card, reversal);
    approvedByLimits(700_00); // handled after the copies

    assertThat(reservations.row(request.getAuthorizationId())).contains(row(request, 300_00, "captured"));
    assertThat(reservations.row(reversedOne.getAuthorizationId())).contains(row(reversedOne, 100_00, "released"));
    assertThat(List.of(approval.getMetadata().getEventId(), capture.getMetadata().getEventId(), reversal.getMetadata().getEventId()))
        .allSatisfy(eventId -> assertThat(reservations.inboxRows(eventId)).isEqualTo(1));
  }
}
