package io.kadi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void comparesThePipelinesP99AtTheFloorsRateWithTheFloorsAndFindsTheHighestSustainedStep() {
    Summary summary = Summary.of(Results.floor(200, 3.0), List.of(
        Results.step(200, 200, 7.25, 0),
        Results.step(500, 499.5, 9, 0),
        Results.step(1000, 990, 60, 0),
        Results.step(1500, 1300, 900, 3)));

    assertThat(summary).isEqualTo(new Summary(3.0, 200, 7.25, 2.42, 1000));
  }

  @Test
  void withoutAStepAtTheFloorsRateThereIsNoRatio() {
    Summary summary = Summary.of(Results.floor(100, 3.0), List.of(Results.step(200, 200, 7.25, 0)));

    assertThat(summary).isEqualTo(new Summary(3.0, 100, null, null, 200));
  }

  @Test
  void aFloorThatRecordedNothingGivesNoRatio() {
    FloorResult nothing = new FloorResult(200, 20, 372, 160, 4000, 0, 4000, 0, Latency.NONE);

    assertThat(Summary.of(nothing, List.of(Results.step(200, 200, 7.25, 0))).p99Ratio()).isNull();
  }

  @Test
  void theHighestSustainedStepCountsEvenAboveAStepThatFailed() {
    Summary summary = Summary.of(Results.floor(200, 3.0), List.of(
        Results.step(200, 200, 7, 0), Results.step(500, 500, 150, 0), Results.step(1000, 1000, 50, 0)));

    assertThat(summary.maxSustainedRate()).isEqualTo(1000);
  }

  @Test
  void noSustainedStepIsNull() {
    assertThat(Summary.of(Results.floor(200, 3.0), List.of(Results.step(200, 200, 1501, 4000))).maxSustainedRate()).isNull();
  }

  @Test
  void aStepIsSustainedAtNinetyFivePercentOfItsRateWithAP99UnderOneHundredMillisecondsAndNoStandIn() {
    assertThat(Summary.sustained(Results.step(1000, 950, 99.99, 0))).isTrue();
    assertThat(Summary.sustained(Results.step(1000, 949.9, 10, 0))).as("below 95%").isFalse();
    assertThat(Summary.sustained(Results.step(1000, 1000, 100, 0))).as("p99 of 100 ms").isFalse();
    assertThat(Summary.sustained(Results.step(1000, 1000, 10, 1))).as("a stand-in").isFalse();
  }
}
