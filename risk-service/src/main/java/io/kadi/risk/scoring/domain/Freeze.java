package io.kadi.risk.scoring.domain;

import java.util.UUID;

/**
 * The FreezeCard command a blocked authorization leads to, when auto-freeze is on.
 *
 * @param commandId derived from the authorization, so that however often the block is processed, card-service sees
 *     one command and freezes once
 * @param reason names the authorization, the score and the rules, for the CardFrozen event and the audit log
 */
public record Freeze(String commandId, String reason) {

  /** card-service refuses a longer reason, and would then not freeze the card at all. */
  public static final int MAX_REASON_LENGTH = 200;

  public static Freeze after(UUID authorizationId, Assessment assessment) {
    String reason = "risk-service blocked authorization %s with score %d: %s".formatted(
        authorizationId, assessment.score(), String.join(", ", assessment.firedRules().stream().map(FiredRule::rule).toList()));
    return new Freeze("risk-block-" + authorizationId,
        reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...");
  }
}
