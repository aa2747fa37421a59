package io.kadi.localstack.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A benchmark run's results: printed as a table, written as JSON (the same figures, with snake_case names).
 *
 * @param startedAt when the run started (ISO-8601, UTC)
 * @param finishedAt when it finished
 */
record BenchReport(String startedAt, String finishedAt, Settings settings, Machine machine, FloorResult floor,
    List<StepResult> steps, Summary summary) {

  static final int TARGET_RATIO = 3;
  static final int TARGET_RATE = 1000;
  static final int STRETCH_RATE = 2000;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY) // in the records' order, which reads best
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  /** What the run was asked to do. */
  record Settings(String cardService, String bootstrapServers, int cards, String currency, List<Integer> rates,
      double jitWarmupSeconds, double warmupSeconds, double durationSeconds, int floorRate, double floorSeconds,
      int maxInFlight) {

    static Settings of(BenchOptions options) {
      return new Settings(options.cardService().toString(), options.bootstrapServers(), options.cards(), options.currency().code(),
          options.rates(), options.jitWarmup().toMillis() / 1000.0, options.warmup().toMillis() / 1000.0, options.duration().toMillis() / 1000.0, options.floorRate(),
          options.floorDuration().toMillis() / 1000.0, options.maxInFlight());
    }
  }

  /** Where the client ran (the stack shares the machine, unless --card-service points elsewhere). */
  record Machine(int processors, String java) {

    static Machine current() {
      return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.version().toString());
    }
  }

  String json() {
    return JSON.writeValueAsString(this);
  }

  String table() {
    StringBuilder table = new StringBuilder();
    table.append(format("Kadi authorization benchmark, %s: %d %s cards, %d processors, Java %s%n%n", startedAt,
        settings.cards(), settings.currency(), machine.processors(), machine.java()));
    table.append(format("%-16s %8s %10s %9s %9s %9s %9s %8s %7s %8s %7s %9s %9s %9s%n", "", "offered", "achieved",
        "p50 ms", "p95 ms", "p99 ms", "max ms", "ok", "errors", "dropped", "late", "approved", "declined", "stand-in"));
    table.append(format("%-16s %6d/s %8.1f/s %9.2f %9.2f %9.2f %9.2f %8d %7d %8s %7s %9s %9s %9s%n", "transport floor",
        floor.offeredRate(), floor.achievedRate(), floor.latency().p50Ms(), floor.latency().p95Ms(), floor.latency().p99Ms(),
        floor.latency().maxMs(), floor.received(), floor.lost(), "-", "-", "-", "-", "-"));
    for (StepResult step : steps) {
      table.append(format("%-16s %6d/s %8.1f/s %9.2f %9.2f %9.2f %9.2f %8d %7d %8d %7d %9d %9d %9d%n", "pipeline",
          step.offeredRate(), step.achievedRate(), step.latency().p50Ms(), step.latency().p95Ms(), step.latency().p99Ms(),
          step.latency().maxMs(), step.completed(), step.errors(), step.dropped(), step.late(), step.approved(),
          step.declined(), step.standIn()));
    }
    table.append(format("%nThe floor: 2 Kafka hops, records of %d then %d bytes; its errors are records lost.%n",
        floor.requestBytes(), floor.resultBytes()));
    for (StepResult step : steps) {
      if (!step.declineReasons().isEmpty()) {
        table.append(format("At %d/s, declined: %s%n", step.offeredRate(), counts(step.declineReasons())));
      }
      if (!step.errorKinds().isEmpty()) {
        table.append(format("At %d/s, errors: %s%n", step.offeredRate(), counts(step.errorKinds())));
      }
    }
    table.append(summary.p99Ratio() == null
        ? format("p99 at %d/s: no pipeline step ran at the floor's rate, or nothing was recorded (target: at most %d x the floor's).%n",
            summary.ratioRate(), TARGET_RATIO)
        : format("p99 at %d/s: pipeline %.2f ms = %.2f x the floor's %.2f ms (target: at most %d x).%n", summary.ratioRate(),
            summary.pipelineP99Ms(), summary.p99Ratio(), summary.floorP99Ms(), TARGET_RATIO));
    table.append(format("Max sustained rate: %s (%s; target %d/s, stretch %d/s).%n",
        summary.maxSustainedRate() == null ? "none of the steps" : summary.maxSustainedRate() + "/s", Summary.SUSTAINED,
        TARGET_RATE, STRETCH_RATE));
    return table.toString();
  }

  private static String counts(Map<String, Long> counts) {
    return counts.entrySet().stream().map(count -> count.getKey() + " " + count.getValue()).collect(Collectors.joining(", "));
  }

  /** 1500.00, not 1500,00, whatever the machine's locale. */
  private static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
