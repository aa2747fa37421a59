package io.kadi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepRecorderTest {

  private static final long MS = 1_000_000;
  private final OpenLoopSchedule schedule = new OpenLoopSchedule(2, Duration.ofSeconds(1), Duration.ofSeconds(3));
  private final StepRecorder recorder = new StepRecorder();

  @Test
  void countsEveryEndAndRecordsTheLatencyOfTheAnswers() {
    long from = 1_000 * MS;
    for (int i = 0; i < 6; i++) {
      recorder.sent(i == 5 ? 11 * MS : 10 * MS); // more than 10 ms after its due time is late
    }
    recorder.dropped();
    recorder.answered(new AuthorizationAnswer(true, null, false), 4 * MS, from + 500 * MS);
    recorder.answered(new AuthorizationAnswer(true, null, false), 6 * MS, from + 1_000 * MS);
    recorder.answered(new AuthorizationAnswer(false, "insufficient_funds", false), 8 * MS, from + 1_500 * MS);
    recorder.answered(new AuthorizationAnswer(false, "timeout", true), 1_500 * MS, from + 2_500 * MS);
    recorder.failed("http_503");
    recorder.failed("HttpTimeoutException");

    StepResult result = recorder.result(schedule, from);

    assertThat(result).isEqualTo(new StepResult(
        2, 3.0, 6, 6, 1, 1, 4, 2, Map.of("HttpTimeoutException", 1L, "http_503", 1L), 1.3, 2, 2, 1,
        Map.of("insufficient_funds", 1L, "timeout", 1L), new Latency(4, 6.003, 1500.159, 1500.159, 1500.159)));
  }

  @Test
  void answersThatComeAfterTheStepLowerTheAchievedRate() {
    long from = 0;
    for (int i = 0; i < 6; i++) {
      recorder.sent(0);
      recorder.answered(new AuthorizationAnswer(true, null, false), 3_000 * MS, from + (3_000 + i * 500L) * MS);
    }

    assertThat(recorder.result(schedule, from).achievedRate()).as("6 answers over 5.5 s").isEqualTo(1.1);
  }

  @Test
  void aStandInThatApprovesStillMissedTheBudget() {
    recorder.answered(new AuthorizationAnswer(true, null, true), MS, MS);

    assertThat(recorder.result(schedule, 0)).extracting(StepResult::approved, StepResult::standIn).containsExactly(1L, 1L);
  }

  @Test
  void nothingRecordedIsZeroEverywhere() {
    StepResult result = recorder.result(schedule, 0);

    assertThat(result.completed()).isZero();
    assertThat(result.achievedRate()).isZero();
    assertThat(result.latency()).isEqualTo(Latency.NONE);
  }
}
