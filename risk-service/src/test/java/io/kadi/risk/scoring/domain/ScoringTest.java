package io.kadi.risk.scoring.domain;

import static io.kadi.risk.scoring.domain.Samples.NAIROBI;
import static io.kadi.risk.scoring.domain.Samples.attempt;
import static io.kadi.risk.scoring.domain.Samples.features;
import static io.kadi.risk.scoring.domain.Samples.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The default rule set with the default thresholds (review 50, block 80), as docs/risk.md documents them. */
class ScoringTest {

  private static final Instant NIGHT_IN_LAGOS = Instant.parse("2026-03-10T01:15:00Z");
  private final RiskPolicy policy = new RiskPolicy(
      RuleSet.defaults(SmallAmounts.UNDER_ONE_MAJOR_UNIT, Set.of("7995", "6051", "4829", "6540", "7801", "7802"), new OffHours(LocalTime.of(1, 0), LocalTime.of(5, 0))),
      new Thresholds(50, 80), SmallAmounts.UNDER_ONE_MAJOR_UNIT, true);

  @Test
  void anOrdinaryPurchaseFiresNothingAndIsAllowed() {
    assertThat(policy.assess(features(attempt(), history()))).isEqualTo(new Assessment(0, RiskAction.ALLOW, java.util.List.of()));
  }

  @Test
  void cardTestingAloneCallsForReview() {
    Assessment assessment = policy.assess(features(attempt().amount(50, "NGN"), history().small5m(10)));

    assertThat(assessment.score()).isEqualTo(60);
    assertThat(assessment.action()).isEqualTo(RiskAction.REVIEW);
    assertThat(assessment.ruleNames()).isEqualTo("card_testing");
  }

  @Test
  void cardTestingAtNightIsBlocked() {
    Assessment assessment = policy.assess(features(attempt().amount(50, "NGN").at(NIGHT_IN_LAGOS), history().small5m(10)));

    assertThat(assessment.score()).isEqualTo(80);
    assertThat(assessment.action()).isEqualTo(RiskAction.BLOCK);
    assertThat(assessment.ruleNames()).isEqualTo("card_testing,off_hours");
  }

  @Test
  void cardTestingInAFastBurstIsBlocked() {
    Assessment assessment = policy.assess(features(attempt().amount(50, "NGN"), history().small5m(10).in(Window.LAST_1M, 5, 250)));

    assertThat(assessment.score()).isEqualTo(85);
    assertThat(assessment.action()).isEqualTo(RiskAction.BLOCK);
    assertThat(assessment.ruleNames()).isEqualTo("card_testing,velocity_1m");
  }

  @Test
  void offHoursAloneIsAllowedWithItsRuleReported() {
    Assessment assessment = policy.assess(features(attempt().at(NIGHT_IN_LAGOS), history()));

    assertThat(assessment.score()).isEqualTo(20);
    assertThat(assessment.action()).isEqualTo(RiskAction.ALLOW);
    assertThat(assessment.firedRules()).containsExactly(new FiredRule("off_hours", 20,
        "At 02:15 in Africa/Lagos, within the cardholder's off-hours (01:00-05:00)", Map.of("local_time", "02:15", "time_zone", "Africa/Lagos")));
  }

  @Test
  void aSpikeInANewForeignCountryCallsForReview() {
    Assessment assessment = policy.assess(features(attempt().amount(1_000_000, "NGN").merchantCountry("ZA"),
        history().spent30d(5, 500_000).countrySeen(false)));

    assertThat(assessment.score()).isEqualTo(55);
    assertThat(assessment.action()).isEqualTo(RiskAction.REVIEW);
    assertThat(assessment.ruleNames()).isEqualTo("amount_spike,new_foreign_country");
  }

  @Test
  void aHighRiskCategoryInANewForeignCountryAtNightCallsForReview() {
    Assessment assessment = policy.assess(features(attempt().mcc("7995").merchantCountry("GH").at(NIGHT_IN_LAGOS),
        history().countrySeen(false)));

    assertThat(assessment.score()).isEqualTo(65);
    assertThat(assessment.action()).isEqualTo(RiskAction.REVIEW);
    assertThat(assessment.ruleNames()).isEqualTo("new_foreign_country,high_risk_mcc,off_hours");
  }

  @Test
  void addingASpikeToThatIsBlocked() {
    Assessment assessment = policy.assess(features(attempt().amount(1_000_000, "NGN").mcc("7995").merchantCountry("GH").at(NIGHT_IN_LAGOS),
        history().spent30d(5, 500_000).countrySeen(false)));

    assertThat(assessment.score()).isEqualTo(95);
    assertThat(assessment.action()).isEqualTo(RiskAction.BLOCK);
  }

  @Test
  void theScoreIsCappedAtAHundredWhenEveryRuleFires() {
    Assessment assessment = policy.assess(features(
        attempt().amount(50, "KES").mcc("6051").merchantCountry("TZ").cardholder("KE", NAIROBI).at(Instant.parse("2026-03-10T00:00:00Z")),
        history().small5m(10).spent30d(5, 40).countrySeen(false)
            .in(Window.LAST_1M, 5, 250).in(Window.LAST_10M, 15, 750).in(Window.LAST_1H, 30, 1_500).in(Window.LAST_24H, 50, 2_500)));

    assertThat(assessment.firedRules()).extracting(FiredRule::rule).containsExactly("card_testing", "velocity_1m", "velocity_10m",
        "velocity_1h", "velocity_24h", "amount_spike", "new_foreign_country", "high_risk_mcc", "off_hours");
    assertThat(assessment.firedRules()).extracting(FiredRule::weight).containsExactly(60, 25, 20, 15, 10, 30, 25, 20, 20);
    assertThat(assessment.score()).isEqualTo(100);
    assertThat(assessment.action()).isEqualTo(RiskAction.BLOCK);
  }

  @Test
  void aFreezeReasonNamingEveryRuleIsCutToWhatCardServiceAccepts() {
    Attempt attempt = attempt().build();
    Assessment everyRule = Assessment.of(policy.rules().rules().stream()
        .map(rule -> new FiredRule(rule.name(), rule.weight(), "fired", Map.of())).toList(), policy.thresholds());

    String reason = Freeze.after(attempt.authorizationId(), everyRule).reason();

    assertThat(reason).hasSize(Freeze.MAX_REASON_LENGTH)
        .startsWith("risk-service blocked authorization " + attempt.authorizationId() + " with score 100: card_testing, velocity_1m")
        .endsWith("...");
  }

  @Test
  void aBlockFreezesTheCardOnlyWithAutoFreezeOnAndUnderACommandIdOfTheAuthorization() {
    Attempt attempt = attempt().amount(50, "NGN").at(NIGHT_IN_LAGOS).build();
    Assessment block = policy.assess(new Features(attempt, history().small5m(10).build()));
    Assessment review = policy.assess(new Features(attempt().amount(50, "NGN").build(), history().small5m(10).build()));
    RiskPolicy withoutFreeze = new RiskPolicy(policy.rules(), policy.thresholds(), policy.smallAmounts(), false);

    assertThat(policy.freezeAfter(attempt, block)).contains(new Freeze("risk-block-" + attempt.authorizationId(),
        "risk-service blocked authorization " + attempt.authorizationId() + " with score 80: card_testing, off_hours"));
    assertThat(policy.freezeAfter(attempt, review)).isEmpty();
    assertThat(withoutFreeze.freezeAfter(attempt, block)).isEmpty();
  }

  @Test
  void thresholdsDecideTheActionAtTheirOwnScore() {
    Thresholds thresholds = new Thresholds(50, 80);

    assertThat(thresholds.actionFor(49)).isEqualTo(RiskAction.ALLOW);
    assertThat(thresholds.actionFor(50)).isEqualTo(RiskAction.REVIEW);
    assertThat(thresholds.actionFor(79)).isEqualTo(RiskAction.REVIEW);
    assertThat(thresholds.actionFor(80)).isEqualTo(RiskAction.BLOCK);
  }

  @Test
  void refusesThresholdsOutOfOrderOrRange() {
    assertThatThrownBy(() -> new Thresholds(80, 50)).hasMessage("Risk thresholds need 1 <= review <= block <= 100; review is 80 and block 50");
    assertThatThrownBy(() -> new Thresholds(0, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Thresholds(50, 101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesTwoRulesOfOneName() {
    assertThatThrownBy(() -> new RuleSet(java.util.List.of(new NewForeignCountryRule(1), new NewForeignCountryRule(2))))
        .hasMessage("Two rules are named new_foreign_country");
  }

  @Test
  void aDeclinedAtRequestAttemptStartsDeclinedAndOthersPending() {
    assertThat(attempt().declinedAtRequest("insufficient_funds").build().initialStatus()).isEqualTo(AttemptStatus.DECLINED);
    assertThat(attempt().build().initialStatus()).isEqualTo(AttemptStatus.PENDING);
    assertThat(new Attempt(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, "NGN", "5411", "NG", Channel.ATM,
        Instant.EPOCH, "NG", NAIROBI, java.util.Optional.empty()).channel()).isEqualTo(Channel.ATM);
  }
}
