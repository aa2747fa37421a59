package io.kadi.localstack.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of the recorded requests, in milliseconds (HdrHistogram's, to 3 significant digits).
 *
 * @param count requests recorded
 */
record Latency(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

  static final Latency NONE = new Latency(0, 0, 0, 0, 0);

  /** From a histogram of microseconds. */
  static Latency ofMicros(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return NONE;
    }
    return new Latency(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(95)),
        millis(micros.getValueAtPercentile(99)), millis(micros.getMaxValue()));
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }
}
