package io.kadi.risk.scoring.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * How risk-service judges authorizations: the rules, the thresholds of their score, what counts as small for card
 * testing, and whether a block also freezes the card.
 */
public record RiskPolicy(RuleSet rules, Thresholds thresholds, SmallAmounts smallAmounts, boolean freezeOnBlock) {

  public RiskPolicy {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(smallAmounts, "smallAmounts");
  }

  public Assessment assess(Features features) {
    return rules.assess(features, thresholds);
  }

  /** The command to freeze the card after this assessment: only for a block, and only with auto-freeze on. */
  public Optional<Freeze> freezeAfter(Attempt attempt, Assessment assessment) {
    return freezeOnBlock && assessment.action() == RiskAction.BLOCK
        ? Optional.of(Freeze.after(attempt.authorizationId(), assessment))
        : Optional.empty();
  }
}
