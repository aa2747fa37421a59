package io.kadi.risk.security.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A fixed counting window, {@code [start, end)}. Windows of one length tile time from the Unix epoch, so every
 * instance of risk-service puts a request in the same window, and windows that divide a day (1 minute, 5 minutes, an
 * hour) start on the minute, the five minutes and the hour of UTC.
 *
 * <p>Fixed rather than sliding: a window's count is one row that every instance increments, which is simple and exact
 * across instances. The price is the edge: a burst split across two windows can stay under the threshold in both.
 */
public record FixedWindow(Instant start, Instant end) {

  public FixedWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("A window ends after it starts, not at " + end + " for a start at " + start);
    }
  }

  /** The window of the given length that holds the instant: its start is the instant truncated to the length. */
  public static FixedWindow containing(Instant at, Duration length) {
    long millis = length.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException("A window lasts at least a millisecond, not " + length);
    }
    Instant start = Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
    return new FixedWindow(start, start.plusMillis(millis));
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** The window as an ISO 8601 interval: {@code 2026-03-10T12:00:00Z/2026-03-10T12:05:00Z}. */
  public String interval() {
    return start + "/" + end;
  }

  /** The window's length as an adjective: "5-minute", "1-hour", "90-second". */
  String lengthInWords() {
    long millis = length().toMillis();
    if (millis % 1000 != 0) {
      return millis + "-millisecond";
    }
    long seconds = millis / 1000;
    return seconds % 3600 == 0 ? seconds / 3600 + "-hour"
        : seconds % 60 == 0 ? seconds / 60 + "-minute"
        : seconds + "-second";
  }
}
