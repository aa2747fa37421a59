package io.kadi.limits.authorization.domain;

import static io.kadi.limits.authorization.domain.ReservationStatus.CAPTURED;
import static io.kadi.limits.authorization.domain.ReservationStatus.COMMITTED;
import static io.kadi.limits.authorization.domain.ReservationStatus.DECLINED;
import static io.kadi.limits.authorization.domain.ReservationStatus.RELEASED;
import static io.kadi.limits.authorization.domain.ReservationStatus.RESERVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReservationLifecycleTest {

  private static final UUID AUTHORIZATION = UUID.randomUUID();
  private static final UUID CARD = UUID.randomUUID();
  private static final UUID CARDHOLDER = UUID.randomUUID();
  private static final Instant REQUESTED = Instant.parse("2025-03-01T09:00:00Z");
  private static final Instant LATER = Instant.parse("2025-03-01T09:00:01Z");

  private static Reservation reservation(ReservationStatus status) {
    return new Reservation(AUTHORIZATION, CARD, CARDHOLDER, 600_00, "NGN", "5411", REQUESTED, status);
  }

  private static AuthorizationUpdate.Decided decided(boolean approved) {
    return new AuthorizationUpdate.Decided(AUTHORIZATION, CARD, CARDHOLDER, 600_00, "NGN", LATER, approved);
  }

  private static AuthorizationUpdate.Captured captured(long amount) {
    return new AuthorizationUpdate.Captured(AUTHORIZATION, CARD, CARDHOLDER, amount, "NGN", LATER);
  }

  private static AuthorizationUpdate.Reversed reversed() {
    return new AuthorizationUpdate.Reversed(AUTHORIZATION, CARD, CARDHOLDER, 600_00, "NGN", LATER);
  }

  @ParameterizedTest(name = "{0} then approved: {1}; declined: {2}")
  @CsvSource({
      "RESERVED,  COMMITTED, RELEASED",
      // Limits declined it, card-service approved it anyway (its stand-in decision): it must count from now on.
      "DECLINED,  COMMITTED, RELEASED",
      "COMMITTED, COMMITTED, COMMITTED",
      "CAPTURED,  CAPTURED,  CAPTURED",
      "RELEASED,  RELEASED,  RELEASED"})
  void aDecisionCommitsOrReleasesAPendingReservation(ReservationStatus before, ReservationStatus approved, ReservationStatus declined) {
    assertThat(reservation(before).after(decided(true))).isEqualTo(reservation(approved));
    assertThat(reservation(before).after(decided(false))).isEqualTo(reservation(declined));
  }

  @ParameterizedTest
  @CsvSource({"RESERVED, CAPTURED", "DECLINED, CAPTURED", "COMMITTED, CAPTURED", "CAPTURED, CAPTURED", "RELEASED, RELEASED"})
  void aCaptureKeepsTheReservationCountedAtTheCapturedAmount(ReservationStatus before, ReservationStatus after) {
    Reservation captured = reservation(before).after(captured(450_00));

    assertThat(captured.status()).isEqualTo(after);
    assertThat(captured.amount()).isEqualTo(after == CAPTURED ? 450_00 : 600_00);
  }

  @ParameterizedTest
  @CsvSource({"RESERVED, RELEASED", "DECLINED, RELEASED", "COMMITTED, RELEASED", "CAPTURED, CAPTURED", "RELEASED, RELEASED"})
  void aReversalReleasesWhatWasNotCaptured(ReservationStatus before, ReservationStatus after) {
    assertThat(reservation(before).after(reversed())).isEqualTo(reservation(after));
  }

  @Test
  void anApprovalOrCaptureOfAnAuthorizationLimitsNeverSawIsCountedFromItsOwnFacts() {
    assertThat(decided(true).unknownReservation())
        .contains(new Reservation(AUTHORIZATION, CARD, CARDHOLDER, 600_00, "NGN", null, LATER, COMMITTED));
    assertThat(captured(450_00).unknownReservation())
        .contains(new Reservation(AUTHORIZATION, CARD, CARDHOLDER, 450_00, "NGN", null, LATER, CAPTURED));
  }

  @Test
  void aDeclineOrReversalOfAnAuthorizationLimitsNeverSawKeepsNothing() {
    assertThat(decided(false).unknownReservation()).isEqualTo(Optional.empty());
    assertThat(reversed().unknownReservation()).isEqualTo(Optional.empty());
  }

  @Test
  void onlyReservedCommittedAndCapturedReservationsCount() {
    assertThat(ReservationStatus.values()).filteredOn(ReservationStatus::counted).containsExactly(RESERVED, COMMITTED, CAPTURED);
    assertThat(DECLINED.counted()).isFalse();
    assertThat(RELEASED.counted()).isFalse();
  }

  @Test
  void anAuthorizationIsReservedWhenApprovedAndKeptAsDeclinedOtherwise() {
    Authorization authorization = AuthorizationBuilder.authorization().build();
    LimitDecision declined = new LimitDecision.Declined(java.util.List.of(
        new Violation(ViolationCode.BLOCKED_CHANNEL, Scope.CARD, "Channel pos is not among the card's allowed channels ()")));

    assertThat(Reservation.of(authorization, new LimitDecision.Approved()).status()).isEqualTo(RESERVED);
    assertThat(Reservation.of(authorization, declined)).isEqualTo(new Reservation(authorization.id(), authorization.cardId(),
        authorization.cardholderId(), authorization.amount(), authorization.currency(), authorization.mcc(),
        authorization.at(), DECLINED));
  }
}
