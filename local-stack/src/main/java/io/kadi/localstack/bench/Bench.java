package io.kadi.localstack.bench;

import io.kadi.localstack.LocalCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The benchmark's client, run by {@code ./kadi bench} in a JVM of its own, against a running stack: creates funded
 * cards, warms the pipeline up, measures the transport floor, then drives the pipeline step by step; prints a table and writes it as JSON.
 * See docs/benchmark.md.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help")) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(List.of(args), Instant.now());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    try {
      BenchReport report = run(options);
      System.out.println();
      System.out.print(report.table());
      write(options.output(), report.json());
      System.out.println("JSON: " + options.output());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(130);
    } catch (Exception e) {
      System.err.println("The benchmark failed: " + e.getMessage());
      System.exit(1);
    }
    System.exit(0); // the HTTP and Kafka clients are closed; nothing left to wait for
  }

  static BenchReport run(BenchOptions options) throws InterruptedException {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MessageSizes sizes = MessageSizes.typical();
    try (CardServiceClient client = new CardServiceClient(options.cardService(),
        LocalCredentials.read(LocalCredentials.file(System.getenv())).credentials())) {
      say("Creating %d funded %s cards through %s ...", options.cards(), options.currency().code(), options.cardService());
      long setupStart = System.nanoTime();
      List<UUID> cards = CardSetup.fundedCards(client, options.cards(), options.currency(), options.setupConcurrency());
      say("  done in %.1f s", (System.nanoTime() - setupStart) / 1e9);

      AuthorizationLoad load = new AuthorizationLoad(client, cards, options.currency(), options.maxInFlight());
      warmUp(load, options);

      say("Transport floor on %s: %d/s for %d s after a %d s warm-up, records of %d then %d bytes ...",
          options.bootstrapServers(), options.floorRate(), options.floorDuration().toSeconds(), options.warmup().toSeconds(),
          sizes.request(), sizes.result());
      FloorResult floor = new TransportFloor(options.bootstrapServers(), sizes)
          .measure(new OpenLoopSchedule(options.floorRate(), options.warmup(), options.floorDuration()));
      say("  p50 %.2f ms, p99 %.2f ms, %d of %d received", floor.latency().p50Ms(), floor.latency().p99Ms(), floor.received(),
          floor.sent());

      List<StepResult> steps = new ArrayList<>();
      for (int rate : options.rates()) {
        say("Pipeline: %d/s for %d s after a %d s warm-up ...", rate, options.duration().toSeconds(), options.warmup().toSeconds());
        StepResult step = load.run(new OpenLoopSchedule(rate, options.warmup(), options.duration()));
        say("  achieved %.1f/s, p50 %.2f ms, p99 %.2f ms, %d stand-ins, %d errors, %d dropped", step.achievedRate(),
            step.latency().p50Ms(), step.latency().p99Ms(), step.standIn(), step.errors(), step.dropped());
        steps.add(step);
      }
      return new BenchReport(started.toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
          BenchReport.Settings.of(options), BenchReport.Machine.current(), floor, steps, Summary.of(floor, steps));
    }
  }

  /**
   * Runs the pipeline unrecorded, ramping up to the first step's rate: a third of the JIT warm-up at each of a quarter,
   * half and three quarters of it. A cold stack runs interpreted at first; sent at full rate at once, its first
   * requests fall seconds behind, and the backlog spills into the measured steps.
   */
  private static void warmUp(AuthorizationLoad load, BenchOptions options) throws InterruptedException {
    if (!options.jitWarmup().isPositive()) {
      return;
    }
    Duration part = options.jitWarmup().dividedBy(3);
    for (int quarters = 1; quarters <= 3; quarters++) {
      int rate = Math.max(1, options.rates().getFirst() * quarters / 4);
      say("JIT warm-up: the pipeline at %d/s for %d s, not recorded ...", rate, part.toSeconds());
      load.run(new OpenLoopSchedule(rate, part, Duration.ofSeconds(1)));
    }
  }

  private static void write(Path output, String json) throws IOException {
    Path directory = output.toAbsolutePath().getParent();
    if (directory != null) {
      Files.createDirectories(directory);
    }
    Files.writeString(output, json + System.lineSeparator());
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
