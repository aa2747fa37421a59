package io.kadi.risk.scoring.domain;

/**
 * Where an authorization stands, as risk-service last heard: {@code PENDING} until card-service decides, then
 * {@code APPROVED} or {@code DECLINED}; an approved one later {@code CAPTURED} (for the captured amount) or
 * {@code REVERSED}. Only approved and captured authorizations are the card's spending history.
 */
public enum AttemptStatus {
  PENDING,
  APPROVED,
  DECLINED,
  CAPTURED,
  REVERSED
}
