package io.kadi.risk.scoring.domain;

/** What a score calls for. */
public enum RiskAction {
  /** Nothing seen worth anyone's time. */
  ALLOW,
  /** Approve, and raise an alert for people to look at. */
  REVIEW,
  /** Decline with risk_block, raise a critical alert and, when configured, freeze the card. */
  BLOCK
}
