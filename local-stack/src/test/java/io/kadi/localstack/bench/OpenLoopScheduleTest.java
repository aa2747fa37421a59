package io.kadi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

  @Test
  void requestsAreDueAtEvenIntervalsAndOnlyThoseAfterTheWarmupAreRecorded() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(200, Duration.ofSeconds(1), Duration.ofSeconds(2));

    assertThat(schedule.count()).isEqualTo(600);
    assertThat(schedule.warmupCount()).isEqualTo(200);
    assertThat(schedule.measuredCount()).isEqualTo(400);
    assertThat(LongStream.of(0, 1, 199, 200, 599).map(schedule::offsetNanos).toArray())
        .containsExactly(0, 5_000_000, 995_000_000, 1_000_000_000, 2_995_000_000L);
    assertThat(schedule.isMeasured(199)).isFalse();
    assertThat(schedule.isMeasured(200)).isTrue();
    assertThat(schedule.measuredFromNanos()).isEqualTo(1_000_000_000);
  }

  @Test
  void aRateThatDoesNotDivideASecondCountsEveryRequestDueBeforeTheEnd() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(7, Duration.ofMillis(500), Duration.ofSeconds(1));

    // due at 0, 142.9, 285.7, 428.6 (warm-up), 571.4, 714.3, 857.1, 1000, 1142.9, 1285.7, 1428.6 ms
    assertThat(schedule.warmupCount()).isEqualTo(4);
    assertThat(schedule.count()).isEqualTo(11);
    assertThat(schedule.offsetNanos(3)).isEqualTo(428_571_428);
    assertThat(schedule.offsetNanos(4)).isEqualTo(571_428_571);
  }

  @Property(tries = 300)
  void theCountIsExactlyTheRequestsDueBeforeTheEnd(@ForAll @IntRange(min = 1, max = 20_000) int rate,
      @ForAll @IntRange(min = 0, max = 30_000) int warmupMillis, @ForAll @IntRange(min = 1, max = 60_000) int measuredMillis) {
    OpenLoopSchedule schedule = new OpenLoopSchedule(rate, Duration.ofMillis(warmupMillis), Duration.ofMillis(measuredMillis));
    long end = Duration.ofMillis(warmupMillis + measuredMillis).toNanos();

    assertThat(schedule.offsetNanos(schedule.count() - 1)).isLessThan(end);
    assertThat(schedule.offsetNanos(schedule.count())).isGreaterThanOrEqualTo(end);
    if (schedule.warmupCount() > 0) {
      assertThat(schedule.offsetNanos(schedule.warmupCount() - 1)).isLessThan(schedule.measuredFromNanos());
    }
    assertThat(schedule.offsetNanos(schedule.warmupCount())).isGreaterThanOrEqualTo(schedule.measuredFromNanos());
  }

  @Test
  void runStartsEveryRequestInOrderAtItsDueTimeAndNeverBefore() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(1000, Duration.ofMillis(10), Duration.ofMillis(40));
    List<long[]> started = new ArrayList<>();
    long start = System.nanoTime();

    schedule.run(start, (index, due) -> started.add(new long[] {index, due, System.nanoTime()}));

    assertThat(started).hasSize(50);
    for (int i = 0; i < started.size(); i++) {
      long[] request = started.get(i);
      assertThat(request[0]).isEqualTo(i);
      assertThat(request[1]).isEqualTo(start + schedule.offsetNanos(i));
      assertThat(request[2]).isGreaterThanOrEqualTo(request[1]);
    }
  }

  @Test
  void aStalledRequestDoesNotPushBackTheDueTimesOfTheNextOnes() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(1000, Duration.ZERO, Duration.ofMillis(20));
    List<Long> dues = new ArrayList<>();
    long start = System.nanoTime();

    schedule.run(start, (index, due) -> {
      dues.add(due);
      if (index == 0) { // the client is descheduled for 15 ms: the next requests are late, not rescheduled
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(15));
      }
    });

    assertThat(dues).containsExactlyElementsOf(LongStream.range(0, 20).mapToObj(i -> start + i * 1_000_000).toList());
  }

  @Test
  void rejectsRatesAndTimesThatMakeNoSchedule() {
    assertThatThrownBy(() -> new OpenLoopSchedule(0, Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OpenLoopSchedule(10, Duration.ofSeconds(-1), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OpenLoopSchedule(10, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
