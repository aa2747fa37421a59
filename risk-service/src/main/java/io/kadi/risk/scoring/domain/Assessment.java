package io.kadi.risk.scoring.domain;

import java.util.List;
import java.util.Objects;

/**
 * An authorization's risk: the rules that fired, in evaluation order, their weights summed and capped at
 * {@value #MAX_SCORE}, and the action the score calls for.
 */
public record Assessment(int score, RiskAction action, List<FiredRule> firedRules) {

  public static final int MAX_SCORE = 100;

  public Assessment {
    Objects.requireNonNull(action, "action");
    firedRules = List.copyOf(firedRules);
    if (score < 0 || score > MAX_SCORE) {
      throw new IllegalArgumentException("A risk score is 0 to 100, not " + score);
    }
  }

  public static Assessment of(List<FiredRule> firedRules, Thresholds thresholds) {
    int score = (int) Math.min(MAX_SCORE, firedRules.stream().mapToLong(FiredRule::weight).sum());
    return new Assessment(score, thresholds.actionFor(score), firedRules);
  }

  /** The fired rules' names, comma-separated, in evaluation order: {@code card_testing,off_hours}. */
  public String ruleNames() {
    return String.join(",", firedRules.stream().map(FiredRule::rule).toList());
  }
}
