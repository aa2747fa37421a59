package io.kadi.localstack.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What became of the recorded requests of one pipeline step; safe to call from any thread. */
final class StepRecorder {

  /** Microseconds, to 3 significant digits; it grows to whatever it must hold. */
  private final Histogram latencies = new ConcurrentHistogram(3);
  private final LongAdder sent = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder late = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final LongAdder approved = new LongAdder();
  private final LongAdder declined = new LongAdder();
  private final LongAdder standIn = new LongAdder();
  private final ConcurrentMap<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> declineReasons = new ConcurrentHashMap<>();
  private final AtomicLong lastAnswerNanos = new AtomicLong(Long.MIN_VALUE);

  void sent(long lateByNanos) {
    sent.increment();
    if (lateByNanos > Duration.ofMillis(StepResult.LATE_MILLIS).toNanos()) {
      late.increment();
    }
  }

  void dropped() {
    dropped.increment();
  }

  /** An answer 200, {@code latencyNanos} after the request was due, at {@code atNanos}. */
  void answered(AuthorizationAnswer answer, long latencyNanos, long atNanos) {
    latencies.recordValue(Math.max(0, latencyNanos / 1000));
    completed.increment();
    (answer.approved() ? approved : declined).increment();
    if (answer.missedBudget()) {
      standIn.increment();
    }
    if (answer.declineReason() != null) {
      declineReasons.computeIfAbsent(answer.declineReason(), reason -> new LongAdder()).increment();
    }
    lastAnswerNanos.accumulateAndGet(atNanos, Math::max);
  }

  /** Any other end: another status ({@code http_503}), no answer (the exception's name), an unreadable answer. */
  void failed(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** The step's figures; call once every recorded request has ended. */
  StepResult result(OpenLoopSchedule schedule, long measuredFromNanos) {
    double seconds = schedule.measured().toNanos() / 1e9;
    long answers = completed.sum();
    // To the last answer: a pipeline that falls behind answers the step's requests over a longer time than it lasted.
    double answeredOver = Math.max(seconds, (lastAnswerNanos.get() - measuredFromNanos) / 1e9);
    Map<String, Long> errorKinds = counts(errors);
    return new StepResult(schedule.ratePerSecond(), seconds, schedule.measuredCount(), sent.sum(), dropped.sum(), late.sum(),
        answers, errorKinds.values().stream().mapToLong(Long::longValue).sum(), errorKinds,
        answers == 0 ? 0 : Math.round(answers / answeredOver * 10) / 10.0, approved.sum(), declined.sum(), standIn.sum(),
        counts(declineReasons), Latency.ofMicros(latencies));
  }

  private static Map<String, Long> counts(Map<String, LongAdder> adders) {
    Map<String, Long> counts = new TreeMap<>();
    adders.forEach((key, adder) -> counts.put(key, adder.sum()));
    return counts;
  }
}
