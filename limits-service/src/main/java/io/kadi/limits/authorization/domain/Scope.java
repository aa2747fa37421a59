package io.kadi.limits.authorization.domain;

/** Whose control an authorization is checked against. */
public enum Scope {
  CARD("card", Subject.CARD),
  CARDHOLDER("cardholder", Subject.CARDHOLDER),
  /** The ceilings of the cardholder's KYC tier: they count every card of the cardholder, as the cardholder's do. */
  KYC_TIER("kyc_tier", Subject.CARDHOLDER);

  private final String wireName;
  private final Subject subject;

  Scope(String wireName, Subject subject) {
    this.wireName = wireName;
    this.subject = subject;
  }

  /** The name LimitsEvaluated gives the scope. */
  public String wireName() {
    return wireName;
  }

  /** Whose authorizations this scope's limits count. */
  public Subject subject() {
    return subject;
  }
}
