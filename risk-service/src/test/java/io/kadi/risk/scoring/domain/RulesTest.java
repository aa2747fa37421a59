package io.kadi.risk.scoring.domain;

import static io.kadi.risk.scoring.domain.Samples.LAGOS;
import static io.kadi.risk.scoring.domain.Samples.NAIROBI;
import static io.kadi.risk.scoring.domain.Samples.attempt;
import static io.kadi.risk.scoring.domain.Samples.features;
import static io.kadi.risk.scoring.domain.Samples.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every default rule at its threshold, one below it, and the feature values it reports. */
class RulesTest {

  @Nested
  class CardTesting {

    private final Rule rule = new CardTestingRule(10, SmallAmounts.UNDER_ONE_MAJOR_UNIT, 60);

    @Test
    void firesOnTheTenthSmallAuthorizationInFiveMinutes() {
      assertThat(rule.evaluate(features(attempt().amount(50, "NGN"), history().small5m(10)))).contains(new FiredRule(
          "card_testing", 60, "10 authorizations under NGN 1.00 in the last 5 minutes (card testing from 10)",
          Map.of("small_authorizations_5m", "10")));
    }

    @Test
    void namesTheConfiguredLimitOfTheCardsCurrency() {
      Rule configured = new CardTestingRule(10, new SmallAmounts(java.util.Map.of("UGX", 1_000L)), 60);

      assertThat(configured.evaluate(features(attempt().amount(500, "UGX"), history().small5m(12))))
          .hasValueSatisfying(fired -> assertThat(fired.detail())
              .isEqualTo("12 authorizations under UGX 1000 in the last 5 minutes (card testing from 10)"));
      assertThat(configured.evaluate(features(attempt().amount(5, "XYZ"), history().small5m(10))))
          .hasValueSatisfying(fired -> assertThat(fired.detail())
              .isEqualTo("10 authorizations under 1.00 of their currency in the last 5 minutes (card testing from 10)"));
    }

    @Test
    void staysSilentOnNine() {
      assertThat(rule.evaluate(features(attempt().amount(50, "NGN"), history().small5m(9)))).isEmpty();
    }
  }

  @Nested
  class OffHoursAtNight {

    private final Rule rule = new OffHoursRule(new OffHours(LocalTime.of(1, 0), LocalTime.of(5, 0)), 20);
    /** 23:30 in Lagos, 01:30 in Nairobi. */
    private final Instant lateEvening = Instant.parse("2026-03-10T22:30:00Z");

    @Test
    void firesInTheCardholdersNightInTheirOwnTimeZone() {
      assertThat(rule.evaluate(features(attempt().at(lateEvening).cardholder("KE", NAIROBI), history()))).contains(new FiredRule(
          "off_hours", 20, "At 01:30 in Africa/Nairobi, within the cardholder's off-hours (01:00-05:00)",
          Map.of("local_time", "01:30", "time_zone", "Africa/Nairobi")));
    }

    @Test
    void staysSilentWhenTheSameInstantIsEveningForTheCardholder() {
      assertThat(rule.evaluate(features(attempt().at(lateEvening).cardholder("NG", LAGOS), history()))).isEmpty();
    }

    @Test
    void firesInLagosWhenItIsNightThere() {
      assertThat(rule.evaluate(features(attempt().at(Instant.parse("2026-03-10T03:59:00Z")).cardholder("NG", LAGOS), history())))
          .hasValueSatisfying(fired -> assertThat(fired.features()).isEqualTo(Map.of("local_time", "04:59", "time_zone", "Africa/Lagos")));
      assertThat(rule.evaluate(features(attempt().at(Instant.parse("2026-03-10T04:00:00Z")).cardholder("NG", LAGOS), history()))).isEmpty();
    }
  }

  @Nested
  class Velocity {

    private final Rule rule = new VelocityRule(Window.LAST_1M, 5, 25);

    @Test
    void firesOnTheFifthAuthorizationInAMinuteAndReportsTheirSum() {
      assertThat(rule.name()).isEqualTo("velocity_1m");
      assertThat(rule.evaluate(features(attempt(), history().in(Window.LAST_1M, 5, 1_250_000)))).contains(new FiredRule(
          "velocity_1m", 25, "5 authorizations in the last 1m, for NGN 12500.00 (velocity from 5)",
          Map.of("authorizations_1m", "5", "amount_1m", "1250000")));
    }

    @Test
    void staysSilentOnFour() {
      assertThat(rule.evaluate(features(attempt(), history().in(Window.LAST_1M, 4, 1_000_000)))).isEmpty();
    }

    @Test
    void looksAtItsOwnWindowOnly() {
      Rule daily = new VelocityRule(Window.LAST_24H, 50, 10);

      assertThat(daily.evaluate(features(attempt(), history().in(Window.LAST_1M, 60, 1).in(Window.LAST_24H, 49, 1)))).isEmpty();
      assertThat(daily.evaluate(features(attempt(), history().in(Window.LAST_24H, 50, 9_000_000))))
          .hasValueSatisfying(fired -> assertThat(fired.features()).isEqualTo(Map.of("authorizations_24h", "50", "amount_24h", "9000000")));
    }
  }

  @Nested
  class AmountSpike {

    private final Rule rule = new AmountSpikeRule(5, new BigDecimal("5"), 30);

    @Test
    void firesAtFiveTimesTheThirtyDayAverage() {
      assertThat(rule.evaluate(features(attempt().amount(500_000, "NGN"), history().spent30d(5, 500_000)))).contains(new FiredRule(
          "amount_spike", 30, "NGN 5000.00 is 5.00 times the card's 30-day average of NGN 1000.00 over 5 approved authorizations (spike from 5)",
          Map.of("amount", "500000", "average_amount_30d", "100000", "amount_to_average_30d", "5.00", "approved_authorizations_30d", "5")));
    }

    @Test
    void staysSilentJustUnderFiveTimes() {
      assertThat(rule.evaluate(features(attempt().amount(499_999, "NGN"), history().spent30d(5, 500_000)))).isEmpty();
    }

    @Test
    void staysSilentUntilTheCardHasAHistory() {
      assertThat(rule.evaluate(features(attempt().amount(10_000_000, "NGN"), history().spent30d(4, 400_000)))).isEmpty();
    }

    @Test
    void readsZeroDecimalCurrenciesInTheirOwnUnits() {
      assertThat(rule.evaluate(features(attempt().amount(600_000, "UGX"), history().spent30d(6, 600_000))))
          .hasValueSatisfying(fired -> assertThat(fired.detail())
              .isEqualTo("UGX 600000 is 6.00 times the card's 30-day average of UGX 100000 over 6 approved authorizations (spike from 5)"));
    }
  }

  @Nested
  class NewForeignCountry {

    private final Rule rule = new NewForeignCountryRule(25);

    @Test
    void firesOnTheFirstAuthorizationAbroadInACountry() {
      assertThat(rule.evaluate(features(attempt().merchantCountry("GH"), history().countrySeen(false)))).contains(new FiredRule(
          "new_foreign_country", 25, "First authorization of the card in GH; the cardholder's home is NG",
          Map.of("merchant_country", "GH", "cardholder_country", "NG")));
    }

    @Test
    void staysSilentInACountryTheCardWasUsedInBefore() {
      assertThat(rule.evaluate(features(attempt().merchantCountry("GH"), history().countrySeen(true)))).isEmpty();
    }

    @Test
    void staysSilentAtHomeEvenTheFirstTime() {
      assertThat(rule.evaluate(features(attempt().merchantCountry("NG"), history().countrySeen(false)))).isEmpty();
    }
  }

  @Nested
  class HighRiskMcc {

    private final Rule rule = new HighRiskMccRule(Set.of("7995", "6051", "4829"), 20);

    @Test
    void firesOnAListedCategory() {
      assertThat(rule.evaluate(features(attempt().mcc("6051"), history())))
          .contains(new FiredRule("high_risk_mcc", 20, "Merchant category 6051 is high-risk", Map.of("mcc", "6051")));
    }

    @Test
    void staysSilentOnOthers() {
      assertThat(rule.evaluate(features(attempt().mcc("5411"), history()))).isEmpty();
    }
  }

  @Test
  void refusesWeightsOutsideZeroToAHundredAndThresholdsUnderOne() {
    assertThatThrownBy(() -> new NewForeignCountryRule(101)).hasMessage("A rule's weight is 0 to 100, not 101");
    assertThatThrownBy(() -> new CardTestingRule(0, SmallAmounts.UNDER_ONE_MAJOR_UNIT, 60)).hasMessage("A rule's threshold is at least 1, not 0");
  }
}
