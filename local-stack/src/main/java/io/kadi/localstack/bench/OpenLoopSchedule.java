package io.kadi.localstack.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * When each request of an open-loop run is due: request {@code i} at {@code i / rate} seconds from the start, whatever
 * became of the requests before it. A closed loop (send, wait for the answer, send the next) lets a slow answer hold
 * back the requests behind it, and never records the wait those would have had: coordinated omission. Here latency is
 * measured from the due time, so a stall shows up in every request it delays.
 *
 * <p>The requests due during {@code warmup} are sent but not recorded: connections, caches and JIT settle first.
 *
 * @param ratePerSecond requests per second
 * @param warmup how long requests are sent, unrecorded, before the recorded ones
 * @param measured how long recorded requests are sent
 */
record OpenLoopSchedule(int ratePerSecond, Duration warmup, Duration measured) {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  OpenLoopSchedule {
    if (ratePerSecond <= 0) {
      throw new IllegalArgumentException("A rate must be positive; it was " + ratePerSecond);
    }
    if (warmup.isNegative() || !measured.isPositive()) {
      throw new IllegalArgumentException("The warm-up must not be negative and the measured time must be positive");
    }
  }

  /** Requests in the whole run, warm-up included. */
  long count() {
    return dueBefore(warmup.plus(measured));
  }

  /** Requests due during the warm-up: those numbered below it are not recorded. */
  long warmupCount() {
    return dueBefore(warmup);
  }

  long measuredCount() {
    return count() - warmupCount();
  }

  boolean isMeasured(long index) {
    return index >= warmupCount();
  }

  /** When request {@code index} is due, in nanoseconds from the start (rounded down). */
  long offsetNanos(long index) {
    return Math.multiplyExact(index, NANOS_PER_SECOND) / ratePerSecond;
  }

  /** When the recorded requests start, in nanoseconds from the start. */
  long measuredFromNanos() {
    return warmup.toNanos();
  }

  /**
   * Starts every request at its due time ({@code startNanos} on {@link System#nanoTime()}'s clock plus its offset), on
   * the calling thread, never waiting for answers: {@code request} must hand the work off and return. A request whose
   * due time has passed (the thread was descheduled) starts at once, with its due time unchanged.
   */
  void run(long startNanos, DueRequest request) {
    long count = count();
    for (long index = 0; index < count; index++) {
      long due = startNanos + offsetNanos(index);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      request.start(index, due);
    }
  }

  /** Number of requests due strictly before {@code time}: the i with i / rate < time. */
  private long dueBefore(Duration time) {
    return Math.ceilDiv(Math.multiplyExact(time.toNanos(), (long) ratePerSecond), NANOS_PER_SECOND);
  }

  /** One request of the run. */
  @FunctionalInterface
  interface DueRequest {

    /** Starts request number {@code index}, due at {@code dueNanos} on {@link System#nanoTime()}'s clock. */
    void start(long index, long dueNanos);
  }
}
