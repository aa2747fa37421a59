package io.kadi.risk.scoring.domain;

import java.util.List;
import java.util.Map;

/**
 * What an integrator asks risk-service to simulate with the amount of a sandbox authorization; docs/risk.md and
 * docs/api.md#sandbox-failure-simulation document it with every other simulated failure. In live mode no amount
 * simulates anything.
 *
 * <p>Amounts are minor units of whatever currency the authorization is in. A simulated authorization is still
 * recorded in the card's history, as any other.
 */
public enum SandboxSimulation {

  /** Nothing simulated: scored by the rules. */
  NONE,
  /** Scored {@value Assessment#MAX_SCORE} by the one rule {@value #BLOCK_RULE}: blocked, alerted and, when configured, frozen. */
  BLOCK,
  /** Never answered: no RiskAssessed, so card-service gives its stand-in decision at the budget, as when risk times out. */
  NO_ANSWER;

  public static final long BLOCK_AMOUNT = 40_053;
  public static final long NO_ANSWER_AMOUNT = 40_054;
  /** The rule a simulated block fires, as {@code RiskAssessed.firedRules} and the alert name it. */
  public static final String BLOCK_RULE = "sandbox_simulated_block";

  /** What the authorization's amount asks for; always {@link #NONE} outside the sandbox. */
  public static SandboxSimulation of(boolean sandbox, long amount) {
    if (!sandbox) {
      return NONE;
    }
    if (amount == BLOCK_AMOUNT) {
      return BLOCK;
    }
    return amount == NO_ANSWER_AMOUNT ? NO_ANSWER : NONE;
  }

  /** The assessment of a simulated block: the one rule, of the highest weight, and so the highest score, whatever the thresholds. */
  public static Assessment blocked(Attempt attempt) {
    FiredRule rule = new FiredRule(BLOCK_RULE, Assessment.MAX_SCORE,
        "Sandbox simulation of a risk block: " + Amounts.shown(attempt.amount(), attempt.currency()) + " asked",
        Map.of("amount", Long.toString(attempt.amount())));
    return new Assessment(Assessment.MAX_SCORE, RiskAction.BLOCK, List.of(rule));
  }
}
