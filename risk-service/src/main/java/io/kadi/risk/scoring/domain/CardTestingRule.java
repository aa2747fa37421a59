package io.kadi.risk.scoring.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code card_testing}: a burst of small authorizations, which is how stolen card numbers are tried out before they
 * are used for real. Declined attempts count too: a tester expects most of them to fail.
 *
 * @param threshold small authorizations in the last 5 minutes (this one included) from which the rule fires
 * @param smallAmounts what counts as small, to say so in the rule's detail
 */
public record CardTestingRule(int threshold, SmallAmounts smallAmounts, int weight) implements Rule {

  public static final String NAME = "card_testing";

  public CardTestingRule {
    Rule.checkedThreshold(threshold);
    Objects.requireNonNull(smallAmounts, "smallAmounts");
    Rule.checkedWeight(weight);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<FiredRule> evaluate(Features features) {
    int small = features.smallAuthorizations5m();
    if (small < threshold) {
      return Optional.empty();
    }
    String currency = features.attempt().currency();
    String limit = smallAmounts.limitOf(currency).stream().mapToObj(minor -> Amounts.shown(minor, currency)).findFirst()
        .orElse("1.00 of their currency");
    return fired("%d authorizations under %s in the last 5 minutes (card testing from %d)".formatted(small, limit, threshold),
        Rule.values("small_authorizations_5m", Integer.toString(small)));
  }
}
