package io.kadi.risk.scoring.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule that fired, and why.
 *
 * @param features the feature values the rule looked at, by feature name, in the order the rule reports them
 */
public record FiredRule(String rule, int weight, String detail, Map<String, String> features) {

  public FiredRule {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }
}
