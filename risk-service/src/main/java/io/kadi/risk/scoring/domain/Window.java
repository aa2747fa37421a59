package io.kadi.risk.scoring.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The trailing windows of a card's authorization counts and sums. A window ending at an authorization holds the
 * authorizations that occurred in {@code (at - length, at]}: that authorization included.
 */
public enum Window {
  LAST_1M(Duration.ofMinutes(1), "1m"),
  LAST_10M(Duration.ofMinutes(10), "10m"),
  LAST_1H(Duration.ofHours(1), "1h"),
  LAST_24H(Duration.ofHours(24), "24h");

  /** The window of small authorizations that card testing counts. */
  public static final Duration SMALL_BURST = Duration.ofMinutes(5);
  /** How far back the card's spending history goes, for the amount against its average. */
  public static final Duration SPENDING_HISTORY = Duration.ofDays(30);

  private final Duration length;
  private final String label;

  Window(Duration length, String label) {
    this.length = length;
    this.label = label;
  }

  public Duration length() {
    return length;
  }

  /** Short name used in rule and feature names: {@code 1m}, {@code 10m}, {@code 1h}, {@code 24h}. */
  public String label() {
    return label;
  }

  /** The exclusive start of the window that ends at the instant. */
  public Instant startBefore(Instant end) {
    return end.minus(length);
  }
}
