package io.kadi.kit.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * Bucket4j's time, read from a {@link Clock}: the service's, or a test's. It must be wall-clock time, since buckets
 * are refilled by whichever instance touches them next; {@code System.nanoTime()} means nothing in another JVM.
 */
record ClockTimeMeter(Clock clock) implements TimeMeter {

  @Override
  public long currentTimeNanos() {
    Instant now = clock.instant();
    return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
