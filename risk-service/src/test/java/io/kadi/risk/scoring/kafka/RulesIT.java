package io.kadi.risk.scoring.kafka;

import static io.kadi.risk.testing.RiskOutputs.alert;
import static io.kadi.risk.testing.RiskOutputs.alertsWithoutIds;
import static io.kadi.risk.testing.RiskOutputs.assessed;
import static io.kadi.risk.testing.RiskOutputs.rule;
import static io.kadi.risk.testing.RiskOutputs.withoutMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.alert.v1.AlertSeverity;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.kit.testing.TestProducer;
import io.kadi.risk.testing.RiskOutputs;
import io.kadi.risk.testing.RiskServiceTest;
import io.kadi.risk.testing.TestCard;
import io.kadi.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Each default rule, fired by real records on kadi.authorizations.v1, as docs/risk.md documents it. */
@RiskServiceTest
class RulesIT {

  private static final String AUTHORIZATIONS = Topics.AUTHORIZATIONS.name();
  /** 13:00 in Lagos, 15:00 in Nairobi. */
  private static final Instant MIDDAY = Instant.parse("2026-03-10T12:00:00Z");
  /** 23:30 in Lagos, 01:30 in Nairobi. */
  private static final Instant LATE_EVENING = Instant.parse("2026-03-10T22:30:00Z");

  @Test
  void offHoursFollowTheCardholdersOwnTimeZone() {
    TestCard lagos = TestCard.nigerian();
    TestCard nairobi = TestCard.kenyan();
    AuthorizationRequested eveningInLagos = lagos.request(250_000, LATE_EVENING);
    AuthorizationRequested nightInLagos = lagos.request(250_000, LATE_EVENING.plus(Duration.ofMinutes(105)));
    AuthorizationRequested nightInNairobi = nairobi.request(250_000, LATE_EVENING);
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      publish(producer, lagos, eveningInLagos, nightInLagos);
      publish(producer, nairobi, nightInNairobi);

      assertThat(withoutMetadata(outputs.assessments(lagos, 2))).containsExactly(
          assessed(eveningInLagos, 0, RiskAction.allow),
          assessed(nightInLagos, 20, RiskAction.allow, rule("off_hours", 20,
              "At 01:15 in Africa/Lagos, within the cardholder's off-hours (01:00-05:00)", "local_time", "01:15", "time_zone", "Africa/Lagos")));
      assertThat(withoutMetadata(outputs.assessments(nairobi, 1))).containsExactly(
          assessed(nightInNairobi, 20, RiskAction.allow, rule("off_hours", 20,
              "At 01:30 in Africa/Nairobi, within the cardholder's off-hours (01:00-05:00)", "local_time", "01:30", "time_zone", "Africa/Nairobi")));
    }
  }

  @Test
  void highRiskMerchantCategoriesFireTheirRule() {
    TestCard card = TestCard.nigerian();
    AuthorizationRequested gambling = card.request(500_000, MIDDAY, "7995", "NG");
    AuthorizationRequested moneyTransfer = card.request(500_000, MIDDAY.plusSeconds(600), "4829", "NG");
    AuthorizationRequested groceries = card.request(500_000, MIDDAY.plusSeconds(1200), "5411", "NG");
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      publish(producer, card, gambling, moneyTransfer, groceries);

      assertThat(withoutMetadata(outputs.assessments(card, 3))).containsExactly(
          assessed(gambling, 20, RiskAction.allow, rule("high_risk_mcc", 20, "Merchant category 7995 is high-risk", "mcc", "7995")),
          assessed(moneyTransfer, 20, RiskAction.allow, rule("high_risk_mcc", 20, "Merchant category 4829 is high-risk", "mcc", "4829")),
          assessed(groceries, 0, RiskAction.allow));
    }
  }

  @Test
  void aForeignCountryFiresOnlyTheFirstTimeTheCardIsUsedThere() {
    TestCard card = TestCard.nigerian();
    AuthorizationRequested home = card.request(250_000, MIDDAY);
    AuthorizationRequested firstInGhana = card.request(250_000, MIDDAY.plusSeconds(3600), TestCard.GROCERIES, "GH");
    AuthorizationRequested againInGhana = card.request(250_000, MIDDAY.plusSeconds(7200), TestCard.GROCERIES, "GH");
    AuthorizationRequested firstInKenya = card.request(250_000, MIDDAY.plusSeconds(10800), TestCard.GROCERIES, "KE");
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      publish(producer, card, home, firstInGhana, againInGhana, firstInKenya);

      assertThat(withoutMetadata(outputs.assessments(card, 4))).containsExactly(
          assessed(home, 0, RiskAction.allow),
          assessed(firstInGhana, 25, RiskAction.allow, rule("new_foreign_country", 25,
              "First authorization of the card in GH; the cardholder's home is NG", "merchant_country", "GH", "cardholder_country", "NG")),
          assessed(againInGhana, 0, RiskAction.allow),
          assessed(firstInKenya, 25, RiskAction.allow, rule("new_foreign_country", 25,
              "First authorization of the card in KE; the cardholder's home is NG", "merchant_country", "KE", "cardholder_country", "NG")));
    }
  }

  @Test
  void anAmountFiveTimesTheAverageOfTheApprovedAndCapturedOnesIsASpike() {
    TestCard card = TestCard.nigerian();
    List<AuthorizationRequested> usual = IntStream.range(0, 5)
        .mapToObj(i -> card.request(100_000, MIDDAY.minus(Duration.ofDays(5 - i)))).toList();
    AuthorizationRequested reversedLater = card.request(100_000, MIDDAY.minus(Duration.ofHours(3)));
    AuthorizationRequested declined = card.request(5_000_000, MIDDAY.minus(Duration.ofHours(2)));
    AuthorizationRequested spike = card.request(450_000, MIDDAY);
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      for (AuthorizationRequested request : usual) {
        publish(producer, card, request, card.decided(request, true));
      }
      // The last usual one captured for half its amount: the card spent NGN 500.00 of it. Average: 450,000 / 5.
      publish(producer, card, card.captured(usual.getLast(), 50_000));
      publish(producer, card, reversedLater, card.decided(reversedLater, true), card.reversed(reversedLater));
      publish(producer, card, declined, card.decided(declined, false));
      publish(producer, card, spike);

      assertThat(withoutMetadata(outputs.assessments(card, 8)).getLast()).isEqualTo(assessed(spike, 30, RiskAction.allow,
          rule("amount_spike", 30,
              "NGN 4500.00 is 5.00 times the card's 30-day average of NGN 900.00 over 5 approved authorizations (spike from 5)",
              "amount", "450000", "average_amount_30d", "90000", "amount_to_average_30d", "5.00", "approved_authorizations_30d", "5")));
    }
  }

  @Test
  void fiveAuthorizationsInAMinuteFireTheVelocityRuleWithTheirSum() {
    TestCard card = TestCard.kenyan();
    List<AuthorizationRequested> requests = IntStream.range(0, 5)
        .mapToObj(i -> card.request(10_000, MIDDAY.plusSeconds(10L * i))).toList();
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      publish(producer, card, requests.toArray(SpecificRecord[]::new));

      assertThat(withoutMetadata(outputs.assessments(card, 5))).extracting(a -> a.getScore()).containsExactly(0, 0, 0, 0, 25);
      assertThat(withoutMetadata(outputs.assessments(card, 5)).getLast()).isEqualTo(assessed(requests.getLast(), 25, RiskAction.allow,
          rule("velocity_1m", 25, "5 authorizations in the last 1m, for KES 500.00 (velocity from 5)",
              "authorizations_1m", "5", "amount_1m", "50000")));
    }
  }

  @Test
  void aGamblingMerchantAbroadInTheNightCallsForReviewWithAnAlert() {
    TestCard card = TestCard.kenyan();
    AuthorizationRequested request = card.request(2_000_000, LATE_EVENING, "7995", "UG");
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      publish(producer, card, request);

      assertThat(withoutMetadata(outputs.assessments(card, 1))).containsExactly(assessed(request, 65, RiskAction.review,
          rule("new_foreign_country", 25, "First authorization of the card in UG; the cardholder's home is KE",
              "merchant_country", "UG", "cardholder_country", "KE"),
          rule("high_risk_mcc", 20, "Merchant category 7995 is high-risk", "mcc", "7995"),
          rule("off_hours", 20, "At 01:30 in Africa/Nairobi, within the cardholder's off-hours (01:00-05:00)",
              "local_time", "01:30", "time_zone", "Africa/Nairobi")));
      assertThat(alertsWithoutIds(outputs.alerts(card, 1))).containsExactly(alert(request, "risk_review", AlertSeverity.warning, 65,
          "flagged for review", "new_foreign_country", "high_risk_mcc", "off_hours"));
    }
  }

  private static void publish(TestProducer producer, TestCard card, SpecificRecord... records) {
    for (SpecificRecord record : records) {
      producer.publish(AUTHORIZATIONS, card.key(), record);
    }
  }
}
