package io.kadi.card.authorization.domain;

import java.util.List;

/** limits-service's answer: approved (the amount is reserved), or the codes of every control broken. */
public record LimitsResult(boolean approved, List<String> violations) {

  public LimitsResult {
    violations = List.copyOf(violations);
  }

  /**
   * The decline reason to give: the first of {@link DeclineReason}'s order among the violations. A code this
   * version does not know (a newer limits-service) is still a decline, reported as spending_limit.
   */
  DeclineReason declineReason() {
    return violations.stream()
        .map(code -> DeclineReason.fromCode(code).orElse(DeclineReason.SPENDING_LIMIT))
        .min(Enum::compareTo)
        .orElse(DeclineReason.SPENDING_LIMIT);
  }
}
