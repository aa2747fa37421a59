package io.kadi.limits.authorization.domain;

/**
 * The window a spending limit applies to: each authorization on its own, a calendar period in the cardholder's time
 * zone (day, week from Monday, month, year), or all time.
 */
public enum Interval {
  PER_AUTHORIZATION("per-authorization"),
  DAILY("daily"),
  WEEKLY("weekly"),
  MONTHLY("monthly"),
  YEARLY("yearly"),
  ALL_TIME("all-time");

  private final String adjective;

  Interval(String adjective) {
    this.adjective = adjective;
  }

  /** How a violation's detail names the limit: "card's daily limit of ...". */
  public String adjective() {
    return adjective;
  }
}
