package io.kadi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.kit.money.IsoCurrency;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchOptionsTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:30:05Z");

  @Test
  void withoutOptionsItRunsTheIssuesSteps() {
    assertThat(BenchOptions.parse(List.of(), NOW)).isEqualTo(new BenchOptions(URI.create("http://localhost:8081"),
        "localhost:9092", 1000, IsoCurrency.NGN, List.of(200, 500, 1000, 1500, 2000), Duration.ofSeconds(90), Duration.ofSeconds(5),
        Duration.ofSeconds(20), 200, Duration.ofSeconds(20), 2000, 16, Path.of("target/bench/bench-20261126T123005Z.json")));
  }

  @Test
  void everyOptionCanBeGiven() {
    BenchOptions options = BenchOptions.parse(List.of("--card-service=http://cards.internal:9000/", "--bootstrap-servers=k1:9092,k2:9092",
        "--cards=50", "--currency=UGX", "--rates=100, 300", "--jit-warmup=0s", "--warmup=0s", "--duration=500ms", "--floor-rate=150",
        "--floor-duration=1m", "--max-in-flight=64", "--setup-concurrency=4", "--output=/tmp/run.json"), NOW);

    assertThat(options).isEqualTo(new BenchOptions(URI.create("http://cards.internal:9000"), "k1:9092,k2:9092", 50,
        IsoCurrency.UGX, List.of(100, 300), Duration.ZERO, Duration.ZERO, Duration.ofMillis(500), 150, Duration.ofMinutes(1), 64, 4,
        Path.of("/tmp/run.json")));
  }

  @Test
  void theFloorFollowsTheFirstStepAndTheStepsLengthUnlessTold() {
    BenchOptions options = BenchOptions.parse(List.of("--rates=300,600", "--duration=7s"), NOW);

    assertThat(options.floorRate()).isEqualTo(300);
    assertThat(options.floorDuration()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void theLastOfARepeatedOptionWins() {
    assertThat(BenchOptions.parse(List.of("--output=a.json", "--output=b.json"), NOW).output()).isEqualTo(Path.of("b.json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--card=3", "--cards", "cards=3", "--help=yes"})
  void refusesAnOptionItDoesNotKnow(String option) {
    assertThatThrownBy(() -> BenchOptions.parse(List.of(option), NOW)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown option: " + option);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--cards=0", "--cards=-1", "--cards=1.5", "--rates=200,,500", "--rates=", "--duration=20",
      "--duration=0s", "--warmup=5h", "--floor-duration=0ms", "--currency=XYZ", "--currency=ngn",
      "--card-service=localhost:8081", "--card-service=ftp://x", "--bootstrap-servers= ", "--max-in-flight=x"})
  void refusesAValueItCannotRunWithAndSaysWhichOption(String option) {
    assertThatThrownBy(() -> BenchOptions.parse(List.of(option), NOW)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(option.substring(0, option.indexOf('=')));
  }
}
