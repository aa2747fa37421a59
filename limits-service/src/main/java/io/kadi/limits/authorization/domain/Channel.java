package io.kadi.limits.authorization.domain;

import java.util.Locale;

/** How the card was presented. */
public enum Channel {
  ECOMMERCE,
  POS,
  ATM;

  /** The lower-case name the events use. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
