package io.kadi.risk.scoring.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A weighted rule: it fires on some features, and then adds its weight to the score. */
public interface Rule {

  /** Stable name, as published in {@code RiskAssessed.firedRules} and documented in docs/risk.md. */
  String name();

  /** Points added to the score when the rule fires, 0 to 100. */
  int weight();

  /** The rule's firing, with the feature values that made it fire; empty when it does not fire. */
  Optional<FiredRule> evaluate(Features features);

  /** This rule, fired. */
  default Optional<FiredRule> fired(String detail, Map<String, String> features) {
    return Optional.of(new FiredRule(name(), weight(), detail, features));
  }

  /** Feature values by name, in the order given: names and values alternate. */
  static Map<String, String> values(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Feature names and values come in pairs");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  static int checkedWeight(int weight) {
    if (weight < 0 || weight > 100) {
      throw new IllegalArgumentException("A rule's weight is 0 to 100, not " + weight);
    }
    return weight;
  }

  static int checkedThreshold(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("A rule's threshold is at least 1, not " + threshold);
    }
    return threshold;
  }
}
