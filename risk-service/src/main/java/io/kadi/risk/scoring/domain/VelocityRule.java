package io.kadi.risk.scoring.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code velocity_<window>}: many authorizations of one card in a trailing window, whatever their amounts or
 * outcomes. Reports the window's sum too, for whoever reviews it.
 *
 * @param threshold authorizations in the window (this one included) from which the rule fires
 */
public record VelocityRule(Window window, int threshold, int weight) implements Rule {

  public VelocityRule {
    Objects.requireNonNull(window, "window");
    Rule.checkedThreshold(threshold);
    Rule.checkedWeight(weight);
  }

  @Override
  public String name() {
    return "velocity_" + window.label();
  }

  @Override
  public Optional<FiredRule> evaluate(Features features) {
    Totals totals = features.in(window);
    if (totals.count() < threshold) {
      return Optional.empty();
    }
    String currency = features.attempt().currency();
    return fired("%d authorizations in the last %s, for %s (velocity from %d)"
            .formatted(totals.count(), window.label(), Amounts.shown(totals.amount(), currency), threshold),
        Rule.values("authorizations_" + window.label(), Integer.toString(totals.count()),
            "amount_" + window.label(), Long.toString(totals.amount())));
  }
}
