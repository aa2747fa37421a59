package io.kadi.risk.scoring.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code amount_spike}: an amount far above what the card usually spends, against the average of its approved and
 * captured authorizations of the last 30 days. A card with too short a history has no "usual" yet, so the rule
 * stays silent until it has one.
 *
 * @param minimumHistory approved or captured authorizations the card needs in the last 30 days
 * @param ratio amount / 30-day average from which the rule fires
 */
public record AmountSpikeRule(int minimumHistory, BigDecimal ratio, int weight) implements Rule {

  public static final String NAME = "amount_spike";

  public AmountSpikeRule {
    Rule.checkedThreshold(minimumHistory);
    if (ratio.signum() <= 0) {
      throw new IllegalArgumentException("The amount spike ratio is positive, not " + ratio);
    }
    Rule.checkedWeight(weight);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<FiredRule> evaluate(Features features) {
    int history = features.spentAuthorizations30d();
    Optional<BigDecimal> toAverage = features.amountToAverage30d();
    if (history < minimumHistory || toAverage.isEmpty() || !features.amountIsAtLeast(ratio)) {
      return Optional.empty();
    }
    Attempt attempt = features.attempt();
    long average = features.averageSpent30d().orElseThrow();
    return fired("%s is %s times the card's 30-day average of %s over %d approved authorizations (spike from %s)"
        .formatted(Amounts.shown(attempt.amount(), attempt.currency()), toAverage.get().toPlainString(),
            Amounts.shown(average, attempt.currency()), history, ratio.toPlainString()),
        Rule.values("amount", Long.toString(attempt.amount()), "average_amount_30d", Long.toString(average),
            "amount_to_average_30d", toAverage.get().toPlainString(), "approved_authorizations_30d", Integer.toString(history)));
  }
}
