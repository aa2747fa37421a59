package io.kadi.limits.authorization.domain;

import static io.kadi.limits.authorization.domain.AuthorizationBuilder.NAIROBI;
import static io.kadi.limits.authorization.domain.AuthorizationBuilder.authorization;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitCheckTest {

  private static final UUID CARD = UUID.randomUUID();
  private static final UUID OTHER_CARD = UUID.randomUUID();
  private static final UUID CARDHOLDER = UUID.randomUUID();
  /** 10:00 on Saturday 1 March 2025 in Lagos. */
  private static final String NOW = "2025-03-01T09:00:00Z";

  private final Ledger ledger = new Ledger();

  /** NGN 600.00 on the card, at a grocer (5411) in Nigeria, at the point of sale, now. */
  private static AuthorizationBuilder asking() {
    return authorization().card(CARD, CARDHOLDER).amount(600_00, "NGN").at(NOW);
  }

  /** A counted reservation of the card, earlier today. */
  private Ledger spent(long amount) {
    return spent(CARD, amount, "NGN", "5411", "2025-03-01T08:00:00Z", ReservationStatus.COMMITTED);
  }

  private Ledger spent(UUID card, long amount, String currency, String mcc, String at, ReservationStatus status) {
    return ledger.with(new Reservation(UUID.randomUUID(), card, CARDHOLDER, amount, currency, mcc, Instant.parse(at), status));
  }

  private LimitDecision check(Authorization authorization, ScopedControls... controls) {
    return LimitCheck.evaluate(authorization, List.of(controls), ledger.usage(authorization));
  }

  private static Controls limits(SpendingLimit... limits) {
    return Controls.spendingLimits(List.of(limits));
  }

  private static Controls velocity(VelocityLimit... limits) {
    return new Controls(List.of(), List.of(limits), Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty());
  }

  private static LimitDecision declined(ViolationCode code, Scope scope, String detail) {
    return new LimitDecision.Declined(List.of(new Violation(code, scope, detail)));
  }

  private static final SpendingLimit DAILY_5000 = SpendingLimit.of(5000_00, "NGN", Interval.DAILY);

  @Test
  void approvesWhatNoControlRestrictsWithoutCountingAnything() {
    Authorization authorization = asking().build();
    List<ScopedControls> none = new LimitRequest(authorization, Controls.NONE, Controls.NONE, 1).controls(Controls.NONE);

    assertThat(LimitCheck.counters(authorization, none)).isEmpty();
    assertThat(LimitCheck.evaluate(authorization, none, counter -> {
      throw new AssertionError("nothing to count");
    })).isEqualTo(new LimitDecision.Approved());
  }

  @Nested
  class SpendingLimits {

    @Test
    void declinesWhenTheDailyLimitWouldBeExceeded() {
      spent(4500_00);

      assertThat(check(asking().build(), ScopedControls.card(limits(DAILY_5000)))).isEqualTo(declined(
          ViolationCode.SPENDING_LIMIT, Scope.CARD,
          "Card's daily limit of NGN 5000.00: NGN 4500.00 counted since 2025-03-01T00:00+01:00, NGN 600.00 asked"));
    }

    @Test
    void approvesUpToExactlyTheLimit() {
      spent(4400_00);

      assertThat(check(asking().build(), ScopedControls.card(limits(DAILY_5000)))).isEqualTo(new LimitDecision.Approved());
    }

    @Test
    void aCardsLimitCountsThatCardOnlyAndTheCardholdersCountsAllItsCards() {
      spent(OTHER_CARD, 4500_00, "NGN", "5411", "2025-03-01T08:00:00Z", ReservationStatus.RESERVED);
      Authorization authorization = asking().build();

      assertThat(check(authorization, ScopedControls.card(limits(DAILY_5000)))).isEqualTo(new LimitDecision.Approved());
      assertThat(check(authorization, ScopedControls.cardholder(limits(DAILY_5000)))).isEqualTo(declined(
          ViolationCode.SPENDING_LIMIT, Scope.CARDHOLDER,
          "Cardholder's daily limit of NGN 5000.00: NGN 4500.00 counted since 2025-03-01T00:00+01:00, NGN 600.00 asked"));
    }

    @Test
    void kycTierCeilingsCountEveryCardOfTheCardholder() {
      spent(OTHER_CARD, 199_500_00, "NGN", "5411", "2025-03-01T08:00:00Z", ReservationStatus.CAPTURED);

      assertThat(check(asking().build(), ScopedControls.kycTier(2, limits(SpendingLimit.of(200_000_00, "NGN", Interval.DAILY)))))
          .isEqualTo(declined(ViolationCode.SPENDING_LIMIT, Scope.KYC_TIER,
              "KYC tier 2 daily limit of NGN 200000.00: NGN 199500.00 counted since 2025-03-01T00:00+01:00, NGN 600.00 asked"));
    }

    @Test
    void countsReservedCommittedAndCapturedAuthorizationsAtTheirAmountButNotDeclinedOrReleasedOnes() {
      spent(CARD, 1000_00, "NGN", "5411", "2025-03-01T08:00:00Z", ReservationStatus.RESERVED);
      spent(CARD, 1000_00, "NGN", "5411", "2025-03-01T08:00:00Z", ReservationStatus.COMMITTED);
      spent(CARD, 1000_00, "NGN", "5411", "2025-03-01T08:00:00Z", ReservationStatus.CAPTURED);
      spent(CARD, 9000_00, "NGN", "5411", "2025-03-01T08:00:00Z", ReservationStatus.DECLINED);
      spent(CARD, 9000_00, "NGN", "5411", "2025-03-01T08:00:00Z", ReservationStatus.RELEASED);

      assertThat(check(asking().amount(2000_00).build(), ScopedControls.card(limits(DAILY_5000))))
          .isEqualTo(new LimitDecision.Approved());
      assertThat(check(asking().amount(2000_01).build(), ScopedControls.card(limits(DAILY_5000)))).isEqualTo(declined(
          ViolationCode.SPENDING_LIMIT, Scope.CARD,
          "Card's daily limit of NGN 5000.00: NGN 3000.00 counted since 2025-03-01T00:00+01:00, NGN 2000.01 asked"));
    }

    @Test
    void neverCountsTheAuthorizationBeingCheckedTwice() {
      Authorization authorization = asking().amount(3000_00).build();
      ledger.with(Reservation.of(authorization, new LimitDecision.Approved()));

      assertThat(check(authorization, ScopedControls.card(limits(DAILY_5000)))).isEqualTo(new LimitDecision.Approved());
    }

    @Test
    void declinesAnAuthorizationAbovePerAuthorizationLimitWithoutCountingAnything() {
      Authorization authorization = asking().build();
      List<ScopedControls> controls = List.of(ScopedControls.card(limits(SpendingLimit.of(500_00, "NGN", Interval.PER_AUTHORIZATION))));

      assertThat(LimitCheck.counters(authorization, controls)).isEmpty();
      assertThat(LimitCheck.evaluate(authorization, controls, counter -> Tally.ZERO)).isEqualTo(declined(
          ViolationCode.SPENDING_LIMIT, Scope.CARD, "Card's per-authorization limit of NGN 500.00: NGN 600.00 asked"));
      assertThat(check(asking().amount(500_00).build(), controls.getFirst())).isEqualTo(new LimitDecision.Approved());
    }

    @Test
    void aLimitInAnotherCurrencyDoesNotApply() {
      spent(9000_00);
      Authorization authorization = asking().build();
      List<ScopedControls> controls = List.of(ScopedControls.cardholder(limits(SpendingLimit.of(1_00, "KES", Interval.DAILY))));

      assertThat(LimitCheck.counters(authorization, controls)).isEmpty();
      assertThat(check(authorization, controls.getFirst())).isEqualTo(new LimitDecision.Approved());
    }

    @Test
    void countsOnlyAuthorizationsInTheLimitsCurrency() {
      spent(OTHER_CARD, 4500_00, "KES", "5411", "2025-03-01T08:00:00Z", ReservationStatus.COMMITTED);

      assertThat(check(asking().build(), ScopedControls.cardholder(limits(DAILY_5000)))).isEqualTo(new LimitDecision.Approved());
    }

    @Test
    void aLimitConfinedToCategoriesCountsAndLimitsOnlyThoseCategories() {
      SpendingLimit restaurants = new SpendingLimit(1000_00, "NGN", Interval.DAILY, List.of("5812", "5814"));
      ScopedControls controls = ScopedControls.card(limits(restaurants));
      spent(CARD, 4000_00, "NGN", "5411", "2025-03-01T08:00:00Z", ReservationStatus.COMMITTED);
      spent(CARD, 500_00, "NGN", "5814", "2025-03-01T08:00:00Z", ReservationStatus.COMMITTED);

      assertThat(check(asking().mcc("5411").build(), controls)).isEqualTo(new LimitDecision.Approved());
      assertThat(check(asking().mcc("5812").amount(500_00).build(), controls)).isEqualTo(new LimitDecision.Approved());
      assertThat(check(asking().mcc("5812").build(), controls)).isEqualTo(declined(ViolationCode.SPENDING_LIMIT, Scope.CARD,
          "Card's daily limit of NGN 1000.00 on MCC 5812, 5814: NGN 500.00 counted since 2025-03-01T00:00+01:00, NGN 600.00 asked"));
    }

    @Test
    void aCalendarDayIsTheCardholdersDay() {
      // 22:30 UTC on 28 February was 23:30 the day before in Lagos, but 01:30 the same day in Nairobi.
      spent(CARD, 4500_00, "NGN", "5411", "2025-02-28T22:30:00Z", ReservationStatus.COMMITTED);
      ScopedControls controls = ScopedControls.card(limits(DAILY_5000));

      assertThat(check(asking().build(), controls)).isEqualTo(new LimitDecision.Approved());
      assertThat(check(asking().zone(NAIROBI).build(), controls)).isEqualTo(declined(ViolationCode.SPENDING_LIMIT, Scope.CARD,
          "Card's daily limit of NGN 5000.00: NGN 4500.00 counted since 2025-03-01T00:00+03:00, NGN 600.00 asked"));
    }

    @Test
    void aCalendarWindowCountsWhatWasAuthorizedLaterInThePeriodToo() {
      // Evaluated after an authorization timed later the same day (two cards racing), it still counts it.
      spent(OTHER_CARD, 4500_00, "NGN", "5411", "2025-03-01T20:00:00Z", ReservationStatus.RESERVED);
      spent(OTHER_CARD, 4500_00, "NGN", "5411", "2025-03-01T23:00:00Z", ReservationStatus.RESERVED); // 2 March in Lagos

      assertThat(check(asking().build(), ScopedControls.cardholder(limits(DAILY_5000)))).isEqualTo(declined(
          ViolationCode.SPENDING_LIMIT, Scope.CARDHOLDER,
          "Cardholder's daily limit of NGN 5000.00: NGN 4500.00 counted since 2025-03-01T00:00+01:00, NGN 600.00 asked"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        WEEKLY   | Card's weekly limit of NGN 5000.00: NGN 4500.00 counted since 2025-02-24T00:00+01:00, NGN 600.00 asked
        MONTHLY  | Card's monthly limit of NGN 5000.00: NGN 4500.00 counted since 2025-03-01T00:00+01:00, NGN 600.00 asked
        YEARLY   | Card's yearly limit of NGN 5000.00: NGN 4500.00 counted since 2025-01-01T00:00+01:00, NGN 600.00 asked
        ALL_TIME | Card's all-time limit of NGN 5000.00: NGN 4500.00 counted, NGN 600.00 asked""")
    void longerPeriodsSayWhenTheyStarted(Interval interval, String detail) {
      spent(4500_00);

      assertThat(check(asking().build(), ScopedControls.card(limits(SpendingLimit.of(5000_00, "NGN", interval)))))
          .isEqualTo(declined(ViolationCode.SPENDING_LIMIT, Scope.CARD, detail));
    }

    @Test
    void weeksAndMonthsCountWhatEarlierDaysOfThePeriodSpent() {
      // Monday 24 February is in the week of Saturday 1 March, but not in its month.
      spent(CARD, 4500_00, "NGN", "5411", "2025-02-24T09:00:00Z", ReservationStatus.COMMITTED);

      assertThat(check(asking().build(), ScopedControls.card(limits(SpendingLimit.of(5000_00, "NGN", Interval.WEEKLY)))).approved())
          .isFalse();
      assertThat(check(asking().build(), ScopedControls.card(limits(SpendingLimit.of(5000_00, "NGN", Interval.MONTHLY)))).approved())
          .isTrue();
    }

    @Test
    void showsZeroDecimalCurrenciesInWholeUnits() {
      spent(CARD, 40_000, "UGX", "5411", "2025-03-01T08:00:00Z", ReservationStatus.COMMITTED);

      assertThat(check(asking().amount(15_000, "UGX").build(),
          ScopedControls.card(limits(SpendingLimit.of(50_000, "UGX", Interval.DAILY)))))
          .isEqualTo(declined(ViolationCode.SPENDING_LIMIT, Scope.CARD,
              "Card's daily limit of UGX 50000: UGX 40000 counted since 2025-03-01T00:00+01:00, UGX 15000 asked"));
    }

    @Test
    void aSumBeyondWhatALongHoldsIsOverAnyLimit() {
      Authorization authorization = asking().build();
      List<ScopedControls> controls = List.of(ScopedControls.card(limits(SpendingLimit.of(Long.MAX_VALUE, "NGN", Interval.DAILY))));

      assertThat(LimitCheck.evaluate(authorization, controls, counter -> new Tally(1, Long.MAX_VALUE - 1)).approved()).isFalse();
    }
  }

  @Nested
  class VelocityLimits {

    private final ScopedControls threeAnHour = ScopedControls.card(velocity(VelocityLimit.ofCount(3, Duration.ofHours(1))));

    @Test
    void countsTheAuthorizationsOfTheTrailingWindowThisOneIncluded() {
      spent(CARD, 1_00, "NGN", "5411", "2025-03-01T07:59:59Z", ReservationStatus.COMMITTED); // more than an hour ago
      spent(CARD, 1_00, "NGN", "5411", "2025-03-01T08:00:00Z", ReservationStatus.COMMITTED);
      spent(CARD, 1_00, "KES", "5411", "2025-03-01T08:30:00Z", ReservationStatus.RESERVED);

      assertThat(check(asking().build(), threeAnHour)).isEqualTo(new LimitDecision.Approved());

      spent(CARD, 1_00, "NGN", "5411", "2025-03-01T08:59:00Z", ReservationStatus.CAPTURED);

      assertThat(check(asking().build(), threeAnHour)).isEqualTo(declined(ViolationCode.VELOCITY_LIMIT, Scope.CARD,
          "Card's velocity limit of 3 authorizations in 3600 s: 3 counted since 2025-03-01T09:00+01:00, 1 more asked"));
    }

    @Test
    void limitsTheAmountInItsCurrencyOnly() {
      ScopedControls controls = ScopedControls.cardholder(velocity(VelocityLimit.ofAmount(1000_00, "NGN", Duration.ofMinutes(10))));
      spent(OTHER_CARD, 500_00, "NGN", "5411", "2025-03-01T08:55:00Z", ReservationStatus.RESERVED);
      spent(OTHER_CARD, 900_00, "KES", "5411", "2025-03-01T08:55:00Z", ReservationStatus.RESERVED);

      assertThat(check(asking().amount(500_00).build(), controls)).isEqualTo(new LimitDecision.Approved());
      assertThat(check(asking().amount(2000_00, "KES").build(), controls)).isEqualTo(new LimitDecision.Approved());
      assertThat(check(asking().build(), controls)).isEqualTo(declined(ViolationCode.VELOCITY_LIMIT, Scope.CARDHOLDER,
          "Cardholder's velocity limit of NGN 1000.00 in 600 s: NGN 500.00 counted since 2025-03-01T09:50+01:00, NGN 600.00 asked"));
    }

    @Test
    void reportsTheCountAndTheAmountOfOneLimitSeparately() {
      VelocityLimit both = new VelocityLimit(java.util.OptionalInt.of(1), java.util.OptionalLong.of(100_00), "NGN", Duration.ofSeconds(10));
      spent(CARD, 100_00, "NGN", "5411", "2025-03-01T08:59:55Z", ReservationStatus.RESERVED);

      assertThat(check(asking().build(), ScopedControls.card(velocity(both)))).isEqualTo(new LimitDecision.Declined(List.of(
          new Violation(ViolationCode.VELOCITY_LIMIT, Scope.CARD,
              "Card's velocity limit of 1 authorization in 10 s: 1 counted since 2025-03-01T09:59:50+01:00, 1 more asked"),
          new Violation(ViolationCode.VELOCITY_LIMIT, Scope.CARD,
              "Card's velocity limit of NGN 100.00 in 10 s: NGN 100.00 counted since 2025-03-01T09:59:50+01:00, NGN 600.00 asked"))));
    }
  }

  @Nested
  class CategoriesCountriesAndChannels {

    private static Controls allowing(List<String> categories, List<String> countries, List<Channel> channels) {
      return new Controls(List.of(), List.of(), Optional.of(categories), List.of(), Optional.of(countries), List.of(),
          Optional.of(channels));
    }

    private static Controls blocking(List<String> categories, List<String> countries) {
      return new Controls(List.of(), List.of(), Optional.empty(), categories, Optional.empty(), countries, Optional.empty());
    }

    @Test
    void declinesWhatIsNotAllowed() {
      ScopedControls controls = ScopedControls.card(allowing(List.of("5812", "5814"), List.of("KE", "NG"),
          List.of(Channel.ECOMMERCE, Channel.POS)));

      assertThat(check(asking().mcc("5812").country("KE").channel(Channel.ECOMMERCE).build(), controls))
          .isEqualTo(new LimitDecision.Approved());
      assertThat(check(asking().mcc("5411").country("GH").channel(Channel.ATM).build(), controls))
          .isEqualTo(new LimitDecision.Declined(List.of(
              new Violation(ViolationCode.BLOCKED_CATEGORY, Scope.CARD, "MCC 5411 is not among the card's allowed categories (5812, 5814)"),
              new Violation(ViolationCode.BLOCKED_COUNTRY, Scope.CARD, "Merchant country GH is not among the card's allowed countries (KE, NG)"),
              new Violation(ViolationCode.BLOCKED_CHANNEL, Scope.CARD, "Channel atm is not among the card's allowed channels (ecommerce, pos)"))));
    }

    @Test
    void declinesWhatIsBlocked() {
      ScopedControls controls = ScopedControls.cardholder(blocking(List.of("7995"), List.of("RU")));

      assertThat(check(asking().mcc("5411").country("NG").build(), controls)).isEqualTo(new LimitDecision.Approved());
      assertThat(check(asking().mcc("7995").country("RU").build(), controls)).isEqualTo(new LimitDecision.Declined(List.of(
          new Violation(ViolationCode.BLOCKED_CATEGORY, Scope.CARDHOLDER, "MCC 7995 is among the cardholder's blocked categories"),
          new Violation(ViolationCode.BLOCKED_COUNTRY, Scope.CARDHOLDER, "Merchant country RU is among the cardholder's blocked countries"))));
    }

    @Test
    void emptyAllowListsAllowNothing() {
      ScopedControls controls = ScopedControls.card(allowing(List.of(), List.of(), List.of()));

      assertThat(check(asking().build(), controls).violations()).extracting(Violation::code).containsExactly(
          ViolationCode.BLOCKED_CATEGORY, ViolationCode.BLOCKED_COUNTRY, ViolationCode.BLOCKED_CHANNEL);
    }
  }

  @Test
  void reportsEveryControlBrokenScopeByScope() {
    spent(OTHER_CARD, 4800_00, "NGN", "7995", "2025-03-01T08:00:00Z", ReservationStatus.COMMITTED);
    Controls card = new Controls(List.of(SpendingLimit.of(500_00, "NGN", Interval.PER_AUTHORIZATION)), List.of(),
        Optional.empty(), List.of("7995"), Optional.empty(), List.of(), Optional.empty());
    Controls cardholder = new Controls(List.of(DAILY_5000), List.of(VelocityLimit.ofCount(1, Duration.ofHours(2))),
        Optional.empty(), List.of(), Optional.empty(), List.of("NG"), Optional.of(List.of(Channel.ECOMMERCE)));
    Authorization authorization = asking().mcc("7995").build();
    List<ScopedControls> controls = new LimitRequest(authorization, card, cardholder, 1)
        .controls(limits(SpendingLimit.of(5000_00, "NGN", Interval.MONTHLY)));

    assertThat(LimitCheck.counters(authorization, controls)).hasSize(3);
    assertThat(LimitCheck.evaluate(authorization, controls, ledger.usage(authorization))).isEqualTo(new LimitDecision.Declined(List.of(
        new Violation(ViolationCode.BLOCKED_CATEGORY, Scope.CARD, "MCC 7995 is among the card's blocked categories"),
        new Violation(ViolationCode.SPENDING_LIMIT, Scope.CARD, "Card's per-authorization limit of NGN 500.00: NGN 600.00 asked"),
        new Violation(ViolationCode.BLOCKED_COUNTRY, Scope.CARDHOLDER, "Merchant country NG is among the cardholder's blocked countries"),
        new Violation(ViolationCode.BLOCKED_CHANNEL, Scope.CARDHOLDER, "Channel pos is not among the cardholder's allowed channels (ecommerce)"),
        new Violation(ViolationCode.SPENDING_LIMIT, Scope.CARDHOLDER,
            "Cardholder's daily limit of NGN 5000.00: NGN 4800.00 counted since 2025-03-01T00:00+01:00, NGN 600.00 asked"),
        new Violation(ViolationCode.VELOCITY_LIMIT, Scope.CARDHOLDER,
            "Cardholder's velocity limit of 1 authorization in 7200 s: 1 counted since 2025-03-01T08:00+01:00, 1 more asked"),
        new Violation(ViolationCode.SPENDING_LIMIT, Scope.KYC_TIER,
            "KYC tier 1 monthly limit of NGN 5000.00: NGN 4800.00 counted since 2025-03-01T00:00+01:00, NGN 600.00 asked"))));
  }

  @Test
  void asksForEachDistinctCounterOnce() {
    Authorization authorization = asking().build();
    Controls twice = limits(DAILY_5000, SpendingLimit.of(9000_00, "NGN", Interval.DAILY));
    List<ScopedControls> controls = List.of(ScopedControls.card(twice), ScopedControls.cardholder(twice),
        ScopedControls.kycTier(1, twice));
    TimeRange today = Windows.calendar(Interval.DAILY, authorization.at(), authorization.zone());

    assertThat(LimitCheck.counters(authorization, controls)).containsExactly(
        new Counter(Subject.CARD, today, "NGN", List.of()),
        new Counter(Subject.CARDHOLDER, today, "NGN", List.of()));
  }
}
