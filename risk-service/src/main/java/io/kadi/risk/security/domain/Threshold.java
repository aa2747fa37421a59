package io.kadi.risk.security.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a counted alert fires: the {@code count}-th request of a subject within one fixed window of length
 * {@code window}. It fires at that request only, so once per subject and window however many follow.
 */
public record Threshold(int count, Duration window) {

  public Threshold {
    Objects.requireNonNull(window, "window");
    if (count < 1) {
      throw new IllegalArgumentException("A threshold counts at least 1 request, not " + count);
    }
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException("A window is a whole number of seconds, at least one, not " + window);
    }
  }

  /** The fixed window the instant falls in. */
  public FixedWindow windowAt(Instant at) {
    return FixedWindow.containing(at, window);
  }

  /** Whether a window's count, the request just counted included, is the one that fires. */
  public boolean firesAt(long countInWindow) {
    return countInWindow == count;
  }
}
