package io.kadi.risk.scoring.domain;

import java.util.Optional;
import java.util.Set;

/**
 * {@code high_risk_mcc}: a merchant category where stolen money is easiest to take out: gambling, quasi-cash and
 * crypto, money transfer, stored-value top-ups.
 */
public record HighRiskMccRule(Set<String> categories, int weight) implements Rule {

  public static final String NAME = "high_risk_mcc";

  public HighRiskMccRule {
    categories = Set.copyOf(categories);
    Rule.checkedWeight(weight);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<FiredRule> evaluate(Features features) {
    String mcc = features.attempt().mcc();
    if (!categories.contains(mcc)) {
      return Optional.empty();
    }
    return fired("Merchant category %s is high-risk".formatted(mcc), Rule.values("mcc", mcc));
  }
}
