package io.kadi.limits.authorization.domain;

import java.util.Locale;

/** What kind of control an authorization breaks; card-service turns the first into its decline reason. */
public enum ViolationCode {
  SPENDING_LIMIT,
  VELOCITY_LIMIT,
  BLOCKED_CATEGORY,
  BLOCKED_COUNTRY,
  BLOCKED_CHANNEL;

  /** The code LimitsEvaluated carries: spending_limit, velocity_limit, ... */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
