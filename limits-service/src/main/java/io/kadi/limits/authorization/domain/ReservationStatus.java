package io.kadi.limits.authorization.domain;

import java.util.Locale;

/**
 * Where an authorization's reservation stands. Reserved, committed and captured reservations count toward limits;
 * declined and released ones do not.
 */
public enum ReservationStatus {
  /** Limits approved it; card-service has not decided yet. Counts. */
  RESERVED,
  /** Limits declined it: it holds nothing, and is kept so that a stand-in approval can still be counted. */
  DECLINED,
  /** card-service approved it. Counts. */
  COMMITTED,
  /** It was captured: it counts at the captured amount. */
  CAPTURED,
  /** card-service declined it (or timed out), or it was reversed. Counts no more. */
  RELEASED;

  public boolean counted() {
    return this == RESERVED || this == COMMITTED || this == CAPTURED;
  }

  /** The lower-case name the table stores. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReservationStatus fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
