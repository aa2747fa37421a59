package io.kadi.limits.authorization.kafka;

import static io.kadi.limits.authorization.kafka.LimitDecisionsProbe.expected;
import static io.kadi.limits.authorization.kafka.LimitDecisionsProbe.violation;
import static io.kadi.limits.testing.AuthorizationEvents.amountLimit;
import static io.kadi.limits.testing.AuthorizationEvents.controls;
import static io.kadi.limits.testing.AuthorizationEvents.countLimit;
import static io.kadi.limits.testing.AuthorizationEvents.limit;
import static io.kadi.limits.testing.AuthorizationEvents.metadataAt;
import static io.kadi.limits.testing.AuthorizationEvents.requested;
import static io.kadi.limits.testing.AuthorizationEvents.spendingLimit;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.Channel;
import io.kadi.events.authorization.v1.Merchant;
import io.kadi.events.card.v1.LimitInterval;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.limits.testing.LimitsServiceTest;
import io.kadi.limits.testing.ReservationsTable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LimitsServiceTest
class EvaluatingAuthorizationsIT {

  /** 10:00 on Saturday 1 March 2025 in Lagos; 12:00 in Nairobi. */
  private static final Instant MORNING = Instant.parse("2025-03-01T09:00:00Z");

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

  private AuthorizationRequested.Builder asking(long amount) {
    return requested(card, cardholder, amount, "NGN").setMetadata(metadataAt(MORNING));
  }

  @Test
  void approvesAndReservesAnAuthorizationWithinEveryLimit() {
    AuthorizationRequested request = asking(600_00)
        .setCardControls(spendingLimit(5000_00, "NGN", LimitInterval.daily))
        .setCardholderControls(spendingLimit(5000_00, "NGN", LimitInterval.weekly))
        .build();

    LimitsEvaluated evaluated = limits.evaluate(request);

    assertThat(evaluated).isEqualTo(expected(request, evaluated));
    assertThat(reservations.row(request.getAuthorizationId())).contains(new ReservationsTable.Row(
        request.getAuthorizationId(), card, cardholder, 600_00, "NGN", "5411", MORNING, "reserved"));
  }

  @Test
  void declinesWhenTheCardsDailyLimitWouldBeExceededAndReservesNothing() {
    AuthorizationRequested first = asking(3000_00).setCardControls(spendingLimit(5000_00, "NGN", LimitInterval.daily)).build();
    AuthorizationRequested second = asking(2500_00).setCardControls(spendingLimit(5000_00, "NGN", LimitInterval.daily)).build();
    limits.evaluate(first);

    LimitsEvaluated evaluated = limits.evaluate(second);

    assertThat(evaluated).isEqualTo(expected(second, evaluated, violation("spending_limit", "card",
        "Card's daily limit of NGN 5000.00: NGN 3000.00 counted since 2025-03-01T00:00+01:00, NGN 2500.00 asked")));
    assertThat(reservations.row(second.getAuthorizationId())).contains(new ReservationsTable.Row(
        second.getAuthorizationId(), card, cardholder, 2500_00, "NGN", "5411", MORNING, "declined"));
  }

  @Test
  void reportsEveryViolationWithItsCodeAndScope() {
    // An earlier authorization of another card of the cardholder, so that the cardholder's velocity limit is reached.
    UUID otherCard = UUID.randomUUID();
    AuthorizationRequested earlier = requested(otherCard, cardholder, 100_00, "NGN")
        .setMetadata(metadataAt(MORNING.minusSeconds(60))).build();
    limits.evaluate(earlier);
    AuthorizationRequested request = asking(60_000_00)
        .setMerchant(Merchant.newBuilder().setName("Lucky Bet").setMcc("7995").setCountry("GH").setCity(null).build())
        .setChannel(Channel.atm)
        .setKycTier(1)
        .setCardControls(controls()
            .setSpendingLimits(List.of(limit(50_000_00, "NGN", LimitInterval.per_authorization)))
            .setBlockedCategories(List.of("7995"))
            .setAllowedCountries(List.of("NG", "KE"))
            .build())
        .setCardholderControls(controls()
            .setVelocityLimits(List.of(countLimit(1, 3600), amountLimit(1000_00, "NGN", 600)))
            .setAllowedCategories(List.of("5411", "5812"))
            .setBlockedCountries(List.of("GH"))
            .setAllowedChannels(List.of(Channel.ecommerce, Channel.pos))
            .build())
        .build();

    LimitsEvaluated evaluated = limits.evaluate(request);

    assertThat(evaluated).isEqualTo(expected(request, evaluated,
        violation("blocked_category", "card", "MCC 7995 is among the card's blocked categories"),
        violation("blocked_country", "card", "Merchant country GH is not among the card's allowed countries (NG, KE)"),
        violation("spending_limit", "card", "Card's per-authorization limit of NGN 50000.00: NGN 60000.00 asked"),
        violation("blocked_category", "cardholder", "MCC 7995 is not among the cardholder's allowed categories (5411, 5812)"),
        violation("blocked_country", "cardholder", "Merchant country GH is among the cardholder's blocked countries"),
        violation("blocked_channel", "cardholder", "Channel atm is not among the cardholder's allowed channels (ecommerce, pos)"),
        violation("velocity_limit", "cardholder",
            "Cardholder's velocity limit of 1 authorization in 3600 s: 1 counted since 2025-03-01T09:00+01:00, 1 more asked"),
        violation("velocity_limit", "cardholder",
            "Cardholder's velocity limit of NGN 1000.00 in 600 s: NGN 100.00 counted since 2025-03-01T09:50+01:00, NGN 60000.00 asked"),
        violation("spending_limit", "kyc_tier",
            "KYC tier 1 daily limit of NGN 50000.00: NGN 100.00 counted since 2025-03-01T00:00+01:00, NGN 60000.00 asked")));
    assertThat(reservations.row(request.getAuthorizationId())).map(ReservationsTable.Row::status).contains("declined");
  }

  @Test
  void calendarDaysAreTheCardholdersDays() {
    // 22:30 and 23:30 UTC on 1 March: in Lagos, 23:30 on the 1st and 00:30 on the 2nd; in Nairobi, both on the 2nd.
    Instant lateEvening = Instant.parse("2025-03-01T22:30:00Z");
    Instant anHourLater = Instant.parse("2025-03-01T23:30:00Z");
    UUID lagosCard = UUID.randomUUID();
    UUID nairobiCard = UUID.randomUUID();
    UUID nairobiCardholder = UUID.randomUUID();
    AuthorizationRequested.Builder inLagos = requested(lagosCard, cardholder, 800_00, "NGN")
        .setCardControls(spendingLimit(1000_00, "NGN", LimitInterval.daily));
    AuthorizationRequested.Builder inNairobi = requested(nairobiCard, nairobiCardholder, 800_00, "NGN")
        .setCardholderTimeZone("Africa/Nairobi")
        .setCardControls(spendingLimit(1000_00, "NGN", LimitInterval.daily));
    limits.evaluate(AuthorizationRequested.newBuilder(inLagos).setMetadata(metadataAt(lateEvening)).build());
    limits.evaluate(AuthorizationRequested.newBuilder(inNairobi).setMetadata(metadataAt(lateEvening)).build());

    AuthorizationRequested nextDayInLagos = AuthorizationRequested.newBuilder(inLagos)
        .setAuthorizationId(UUID.randomUUID()).setMetadata(metadataAt(anHourLater)).build();
    AuthorizationRequested sameDayInNairobi = AuthorizationRequested.newBuilder(inNairobi)
        .setAuthorizationId(UUID.randomUUID()).setMetadata(metadataAt(anHourLater)).build();
    LimitsEvaluated lagos = limits.evaluate(nextDayInLagos);
    LimitsEvaluated nairobi = limits.evaluate(sameDayInNairobi);

    assertThat(lagos).isEqualTo(expected(nextDayInLagos, lagos));
    assertThat(nairobi).isEqualTo(expected(sameDayInNairobi, nairobi, violation("spending_limit", "card",
        "Card's daily limit of NGN 1000.00: NGN 800.00 counted since 2025-03-02T00:00+03:00, NGN 800.00 asked")));
  }

  @Test
  void enforcesTheKycTiersCeilingsFromConfiguration() {
    AuthorizationRequested naira = asking(50_000_01).setKycTier(1).build();
    AuthorizationRequested shillings = requested(card, cardholder, 1_000_001, "UGX").setKycTier(1)
        .setMetadata(metadataAt(MORNING)).build();
    AuthorizationRequested euros = requested(card, cardholder, 1_000_000_00, "EUR").setKycTier(1)
        .setMetadata(metadataAt(MORNING)).build();

    LimitsEvaluated nairaEvaluated = limits.evaluate(naira);
    LimitsEvaluated shillingsEvaluated = limits.evaluate(shillings);
    LimitsEvaluated eurosEvaluated = limits.evaluate(euros);

    assertThat(nairaEvaluated).isEqualTo(expected(naira, nairaEvaluated, violation("spending_limit", "kyc_tier",
        "KYC tier 1 daily limit of NGN 50000.00: NGN 0.00 counted since 2025-03-01T00:00+01:00, NGN 50000.01 asked")));
    assertThat(shillingsEvaluated).isEqualTo(expected(shillings, shillingsEvaluated, violation("spending_limit", "kyc_tier",
        "KYC tier 1 daily limit of UGX 1000000: UGX 0 counted since 2025-03-01T00:00+01:00, UGX 1000001 asked")));
    // No ceiling is configured for EUR: only the card's and the cardholder's controls apply.
    assertThat(eurosEvaluated).isEqualTo(expected(euros, eurosEvaluated));
  }

  @Test
  void anAuthorizationCardServiceDeclinedAtOnceIsNeitherEvaluatedNorReserved() {
    AuthorizationRequested declinedAtRequest = asking(600_00).setDeclinedAtRequest("insufficient_funds").build();
    AuthorizationRequested next = asking(600_00).build();

    limits.publish(card, declinedAtRequest);
    limits.evaluate(next); // same card, same partition: handled after the first

    assertThat(limits.answersTo(declinedAtRequest.getAuthorizationId())).isEmpty();
    assertThat(reservations.row(declinedAtRequest.getAuthorizationId())).isEmpty();
    assertThat(reservations.inboxRows(declinedAtRequest.getMetadata().getEventId())).isEqualTo(1);
  }

  @Test
  void aRedeliveredRequestIsEvaluatedAndReservedOnce() {
    AuthorizationRequested request = asking(600_00).setCardControls(spendingLimit(1000_00, "NGN", LimitInterval.daily)).build();
    AuthorizationRequested next = asking(400_00).setCardControls(spendingLimit(1000_00, "NGN", LimitInterval.daily)).build();
    LimitsEvaluated first = limits.evaluate(request);

    limits.publish(card, request);
    LimitsEvaluated afterTheCopy = limits.evaluate(next);

    assertThat(limits.answersTo(request.getAuthorizationId())).containsExactly(first);
    // Had the copy reserved again, NGN 1200.00 would be counted and the next declined.
    assertThat(afterTheCopy).isEqualTo(expected(next, afterTheCopy));
    assertThat(reservations.ofCardholder(cardholder)).extracting(ReservationsTable.Row::authorizationId, ReservationsTable.Row::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(request.getAuthorizationId(), "reserved"),
            org.assertj.core.groups.Tuple.tuple(next.getAuthorizationId(), "reserved"));
    assertThat(reservations.inboxRows(request.getMetadata().getEventId())).isEqualTo(1);
  }
}
