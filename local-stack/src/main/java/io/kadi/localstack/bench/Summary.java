package io.kadi.localstack.bench;

import java.util.List;

/**
 * The figures the issue asks for.
 *
 * @param floorP99Ms the transport floor's p99
 * @param ratioRate the rate of the comparison: the floor's offered rate, at which a pipeline step ran too, if any
 * @param pipelineP99Ms the pipeline's p99 at that rate; null when no step ran at it
 * @param p99Ratio pipeline p99 / floor p99 at that rate, to 2 decimals; null without both
 * @param maxSustainedRate the highest offered rate of a step that {@linkplain #sustained sustained} it; null if none did
 */
record Summary(double floorP99Ms, Integer ratioRate, Double pipelineP99Ms, Double p99Ratio, Integer maxSustainedRate) {

  static final double MIN_ACHIEVED_SHARE = 0.95;
  static final double MAX_P99_MS = 100;
  static final String SUSTAINED = "achieved >= 95% of offered, p99 < 100 ms, no stand-ins";

  static Summary of(FloorResult floor, List<StepResult> steps) {
    StepResult atFloorRate = steps.stream().filter(step -> step.offeredRate() == floor.offeredRate()).findFirst().orElse(null);
    Double pipelineP99 = atFloorRate == null || atFloorRate.latency().count() == 0 ? null : atFloorRate.latency().p99Ms();
    Double ratio = pipelineP99 == null || floor.latency().count() == 0 || floor.latency().p99Ms() == 0
        ? null : Math.round(pipelineP99 / floor.latency().p99Ms() * 100) / 100.0;
    Integer maxSustained = steps.stream().filter(Summary::sustained).map(StepResult::offeredRate).max(Integer::compare).orElse(null);
    return new Summary(floor.latency().p99Ms(), floor.offeredRate(), pipelineP99, ratio, maxSustained);
  }

  /**
   * Whether a step kept up with its offered rate within the budget the issue sets: at least 95% of it achieved (only
   * answers 200 count, so errors and drops lower it), p99 under 100 ms, and no stand-in answer (each one is a request
   * the pipeline did not decide within its budget).
   */
  static boolean sustained(StepResult step) {
    return step.completed() > 0
        && step.achievedRate() >= MIN_ACHIEVED_SHARE * step.offeredRate()
        && step.latency().p99Ms() < MAX_P99_MS
        && step.standIn() == 0;
  }
}
