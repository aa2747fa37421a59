package io.kadi.risk.scoring.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules an authorization is scored with, in evaluation order. The default set, its thresholds and its weights are
 * documented in docs/risk.md, which must change with them. Weights are chosen so that card testing alone calls for
 * review, and card testing with a fast burst or at night blocks.
 */
public record RuleSet(List<Rule> rules) {

  public static final int CARD_TESTING_SMALL_AUTHORIZATIONS = 10;
  public static final int CARD_TESTING_WEIGHT = 60;
  public static final int VELOCITY_1M_AUTHORIZATIONS = 5;
  public static final int VELOCITY_1M_WEIGHT = 25;
  public static final int VELOCITY_10M_AUTHORIZATIONS = 15;
  public static final int VELOCITY_10M_WEIGHT = 20;
  public static final int VELOCITY_1H_AUTHORIZATIONS = 30;
  public static final int VELOCITY_1H_WEIGHT = 15;
  public static final int VELOCITY_24H_AUTHORIZATIONS = 50;
  public static final int VELOCITY_24H_WEIGHT = 10;
  public static final int AMOUNT_SPIKE_MINIMUM_HISTORY = 5;
  public static final BigDecimal AMOUNT_SPIKE_RATIO = new BigDecimal("5");
  public static final int AMOUNT_SPIKE_WEIGHT = 30;
  public static final int NEW_FOREIGN_COUNTRY_WEIGHT = 25;
  public static final int HIGH_RISK_MCC_WEIGHT = 20;
  public static final int OFF_HOURS_WEIGHT = 20;

  public RuleSet {
    rules = List.copyOf(rules);
    Set<String> names = new HashSet<>();
    for (Rule rule : rules) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("Two rules are named " + rule.name());
      }
    }
  }

  /** The default rule set, with the configured small amounts, high-risk categories and off-hours window. */
  public static RuleSet defaults(SmallAmounts smallAmounts, Set<String> highRiskCategories, OffHours offHours) {
    return new RuleSet(List.of(
        new CardTestingRule(CARD_TESTING_SMALL_AUTHORIZATIONS, smallAmounts, CARD_TESTING_WEIGHT),
        new VelocityRule(Window.LAST_1M, VELOCITY_1M_AUTHORIZATIONS, VELOCITY_1M_WEIGHT),
        new VelocityRule(Window.LAST_10M, VELOCITY_10M_AUTHORIZATIONS, VELOCITY_10M_WEIGHT),
        new VelocityRule(Window.LAST_1H, VELOCITY_1H_AUTHORIZATIONS, VELOCITY_1H_WEIGHT),
        new VelocityRule(Window.LAST_24H, VELOCITY_24H_AUTHORIZATIONS, VELOCITY_24H_WEIGHT),
        new AmountSpikeRule(AMOUNT_SPIKE_MINIMUM_HISTORY, AMOUNT_SPIKE_RATIO, AMOUNT_SPIKE_WEIGHT),
        new NewForeignCountryRule(NEW_FOREIGN_COUNTRY_WEIGHT),
        new HighRiskMccRule(highRiskCategories, HIGH_RISK_MCC_WEIGHT),
        new OffHoursRule(offHours, OFF_HOURS_WEIGHT)));
  }

  /** Every rule evaluated on the features, in order; the fired ones make the score. */
  public Assessment assess(Features features, Thresholds thresholds) {
    return Assessment.of(rules.stream().map(rule -> rule.evaluate(features)).flatMap(Optional::stream).toList(), thresholds);
  }
}
