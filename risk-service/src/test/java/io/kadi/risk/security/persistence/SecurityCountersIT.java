package io.kadi.risk.security.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.risk.security.domain.FixedWindow;
import io.kadi.risk.security.domain.Subject;
import io.kadi.risk.testing.RiskServiceTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@RiskServiceTest
class SecurityCountersIT {

  @Autowired SecurityCounters counters;
  @Autowired TransactionTemplate transactions;
  @Autowired Clock clock;

  @Test
  void countsEachAlertSubjectAndWindowOnItsOwn() {
    Subject client = Subject.apiClient(UUID.randomUUID().toString());
    FixedWindow window = FixedWindow.containing(clock.instant(), Duration.ofMinutes(5));
    FixedWindow longer = FixedWindow.containing(clock.instant(), Duration.ofMinutes(10));

    assertThat(counters.increment("repeated_bad_signatures", client, window)).isEqualTo(1);
    assertThat(counters.increment("repeated_bad_signatures", client, window)).isEqualTo(2);
    assertThat(counters.increment("rate_limit_storm", client, window)).isEqualTo(1);
    assertThat(counters.increment("repeated_bad_signatures", Subject.sourceIp(client.id()), window)).isEqualTo(1);
    assertThat(counters.increment("repeated_bad_signatures", client, longer)).isEqualTo(1);
    assertThat(counters.increment("repeated_bad_signatures", client, window)).isEqualTo(3);
  }

  @Test
  void concurrentIncrementsEachSeeACountOfTheirOwn() throws Exception {
    Subject client = Subject.apiClient(UUID.randomUUID().toString());
    FixedWindow window = FixedWindow.containing(clock.instant(), Duration.ofMinutes(5));
    int threads = 8;
    int each = 25;
    // As several instances would: each increment in a transaction of its own, all on one counter at once.
    Callable<List<Long>> incrementing = () -> IntStream.range(0, each)
        .mapToObj(i -> transactions.execute(status -> counters.increment("rate_limit_storm", client, window)))
        .toList();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Long>>> results = pool.invokeAll(IntStream.range(0, threads).mapToObj(i -> incrementing).toList());

      List<Long> seen = results.stream().flatMap(result -> {
        try {
          return result.get().stream();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).sorted().toList();
      assertThat(seen).isEqualTo(LongStream.rangeClosed(1, threads * each).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
  }
}
