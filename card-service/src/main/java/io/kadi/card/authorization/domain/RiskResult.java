package io.kadi.card.authorization.domain;

/** risk-service's answer: a score from 0 to 100, and what it calls for. */
public record RiskResult(int score, Action action) {

  /** Allow; review (approve, and risk-service raises an alert); block (decline). */
  public enum Action { ALLOW, REVIEW, BLOCK }
}
