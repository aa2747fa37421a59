package io.kadi.localstack.bench;

import java.util.Map;

/** Results to compute with. */
final class Results {

  private Results() {}

  static FloorResult floor(int rate, double p99Ms) {
    return new FloorResult(rate, 20, 372, 160, rate * 20L, rate * 20L, 0, rate, new Latency(rate * 20L, p99Ms / 2, p99Ms * 0.8, p99Ms, p99Ms * 3));
  }

  /** A step at {@code rate} that achieved {@code achieved}/s with the p99 and stand-ins given. */
  static StepResult step(int rate, double achieved, double p99Ms, long standIns) {
    long answers = Math.round(achieved * 20);
    return new StepResult(rate, 20, rate * 20L, rate * 20L, 0, 0, answers, 0, Map.of(), achieved, answers - standIns, standIns,
        standIns, standIns == 0 ? Map.of() : Map.of("timeout", standIns), new Latency(answers, p99Ms / 2, p99Ms * 0.8, p99Ms, p99Ms * 3));
  }
}
