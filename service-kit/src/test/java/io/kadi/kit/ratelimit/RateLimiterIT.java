package io.kadi.kit.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kadi.kit.InfrastructureFailures;
import io.kadi.kit.ratelimit.RateLimitProperties.Limit;
import io.kadi.kit.testapp.KitIntegrationTest;
import io.kadi.kit.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate limits as two instances of a service see them: each limiter has its own connection pool to the one schema the
 * kit's migrations created, as two service instances would.
 */
@KitIntegrationTest
class RateLimiterIT {

  private static final Limit FIVE_PER_MINUTE = new Limit(5, Duration.ofMinutes(1));

  @Value("${spring.datasource.hikari.schema}") String schema;

  private final MutableClock clock = new MutableClock(Instant.now());
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final String client = "client-" + UUID.randomUUID();

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  @Test
  void aClientGetsExactlyItsCapacityThenIsRefusedUntilATokenComesBack() {
    RateLimiter limiter = instance(RateLimitProperties.defaults(), clock);

    List<RateDecision> decisions = consume(limiter, client, RateClass.SENSITIVE, 6);

    // 5 a minute, refilled greedily: a token every 12 s, a full bucket 12 s per token taken.
    assertThat(decisions).containsExactly(
        new RateDecision(true, 5, 4, 12, 0, 60),
        new RateDecision(true, 5, 3, 24, 0, 60),
        new RateDecision(true, 5, 2, 36, 0, 60),
        new RateDecision(true, 5, 1, 48, 0, 60),
        new RateDecision(true, 5, 0, 60, 0, 60),
        new RateDecision(false, 5, 0, 60, 12, 60));
  }

  @Test
  void tokensComeBackAtTheRateSoAClientWaitingRetryAfterIsServed() {
    RateLimiter limiter = instance(RateLimitProperties.defaults(), clock);
    consume(limiter, client, RateClass.SENSITIVE, 5);

    clock.advance(Duration.ofSeconds(11));
    assertThat(limiter.tryConsume(client, RateClass.SENSITIVE)).isEqualTo(new RateDecision(false, 5, 0, 49, 1, 60));

    clock.advance(Duration.ofSeconds(1));
    assertThat(consume(limiter, client, RateClass.SENSITIVE, 2)).containsExactly(
        new RateDecision(true, 5, 0, 60, 0, 60),
        new RateDecision(false, 5, 0, 60, 12, 60));

    clock.advance(Duration.ofMinutes(1));
    assertThat(consume(limiter, client, RateClass.SENSITIVE, 6)).extracting(RateDecision::allowed)
        .containsExactly(true, true, true, true, true, false);
  }

  @Test
  void eachClassHasItsOwnLimit() {
    RateLimiter limiter = instance(RateLimitProperties.defaults(), clock);
    consume(limiter, client, RateClass.SENSITIVE, 5);

    assertThat(limiter.tryConsume(client, RateClass.SENSITIVE).allowed()).isFalse();
    assertThat(limiter.tryConsume(client, RateClass.READ)).isEqualTo(new RateDecision(true, 100, 99, 1, 0, 1));
    assertThat(limiter.tryConsume(client, RateClass.WRITE)).isEqualTo(new RateDecision(true, 100, 99, 1, 0, 1));
  }

  @Test
  void eachClientHasItsOwnLimit() {
    RateLimiter limiter = instance(RateLimitProperties.defaults(), clock);
    String other = "client-" + UUID.randomUUID();
    consume(limiter, client, RateClass.SENSITIVE, 5);

    assertThat(limiter.tryConsume(client, RateClass.SENSITIVE).allowed()).isFalse();
    assertThat(limiter.tryConsume(other, RateClass.SENSITIVE)).isEqualTo(new RateDecision(true, 5, 4, 12, 0, 60));
  }

  @Test
  void twoInstancesShareOneLimit() {
    RateLimiter first = instance(RateLimitProperties.defaults(), clock);
    RateLimiter second = instance(RateLimitProperties.defaults(), clock);

    List<RateDecision> decisions = new ArrayList<>();
    decisions.addAll(consume(first, client, RateClass.SENSITIVE, 3));
    decisions.addAll(consume(second, client, RateClass.SENSITIVE, 2));
    decisions.add(first.tryConsume(client, RateClass.SENSITIVE));
    decisions.add(second.tryConsume(client, RateClass.SENSITIVE));

    assertThat(decisions).extracting(RateDecision::remaining).containsExactly(4L, 3L, 2L, 1L, 0L, 0L, 0L);
    assertThat(decisions).extracting(RateDecision::allowed).containsExactly(true, true, true, true, true, false, false);
  }

  /**
   * What a new client's first burst does: sixteen first requests at once, on the real clock, with a large limit (the
   * benchmark's setup once met a bucket Bucket4j called missing, there). Fifty new clients, to give the race a chance.
   */
  @Test
  void aNewClientsFirstRequestsAtOnceAreAllCounted() throws Exception {
    RateLimitProperties large = new RateLimitProperties(null, new Limit(1_000_000, Duration.ofSeconds(1)), null, null, null);
    RateLimiter limiter = instance(large, Clock.systemUTC());
    int threads = 16;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int round = 0; round < 50; round++) {
        String newClient = client + "-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          answers.add(pool.submit(() -> {
            start.await();
            return limiter.tryConsume(newClient, RateClass.WRITE).allowed();
          }));
        }
        start.countDown();
        for (Future<Boolean> answer : answers) {
          assertThat(answer.get()).isTrue();
        }
      }
    }
  }

  @Test
  void concurrentRequestsOverTwoInstancesAreAllowedExactlyTheCapacity() throws Exception {
    // No refill while the test runs: the clock stands still.
    RateLimitProperties fiftyWrites =
        new RateLimitProperties(null, new Limit(50, Duration.ofHours(1)), null, null, null);
    List<RateLimiter> instances = List.of(instance(fiftyWrites, clock), instance(fiftyWrites, clock));
    int threads = 16;
    int requestsPerThread = 10;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Long>> allowedPerThread = new ArrayList<>();

    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        RateLimiter limiter = instances.get(t % 2);
        allowedPerThread.add(pool.submit((Callable<Long>) () -> {
          start.await();
          return IntStream.range(0, requestsPerThread)
              .filter(i -> limiter.tryConsume(client, RateClass.WRITE).allowed())
              .count();
        }));
      }
      start.countDown();
      long allowed = 0;
      for (Future<Long> thread : allowedPerThread) {
        allowed += thread.get();
      }
      assertThat(allowed).isEqualTo(50);
    }
    assertThat(instances.get(0).tryConsume(client, RateClass.WRITE).allowed()).isFalse();
  }

  @Test
  void aChangedLimitTakesEffectAtOnceEvenForABucketInUse() {
    consume(instance(RateLimitProperties.defaults(), clock), client, RateClass.SENSITIVE, 5);

    RateLimitProperties tenPerMinute =
        new RateLimitProperties(null, null, new Limit(10, Duration.ofMinutes(1)), null, null);
    RateLimiter reconfigured = instance(tenPerMinute, clock);

    assertThat(reconfigured.tryConsume(client, RateClass.SENSITIVE)).isEqualTo(new RateDecision(true, 10, 9, 6, 0, 60));
  }

  @Test
  void thePurgeDeletesOnlyBucketsFullAgainForLongerThanTheRetention() {
    // With no retention, a bucket expires as soon as it is full again: 10 ms after one read, 12 s after one sensitive.
    RateLimitProperties noRetention = new RateLimitProperties(null, null, null, Duration.ZERO, null);
    RateLimiter limiter = instance(noRetention, Clock.systemUTC());
    RateLimitJanitor janitor = new RateLimitJanitor(limiter, noRetention);
    limiter.tryConsume(client, RateClass.READ);
    limiter.tryConsume(client, RateClass.SENSITIVE);

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      janitor.purge();
      assertThat(bucketsOf(client)).containsExactly(RateLimiter.key(client, RateClass.SENSITIVE, FIVE_PER_MINUTE));
    });
    assertThat(limiter.tryConsume(client, RateClass.READ)).as("a purged bucket starts full")
        .isEqualTo(new RateDecision(true, 100, 99, 1, 0, 1));
    assertThat(limiter.tryConsume(client, RateClass.SENSITIVE)).as("a kept bucket keeps its count")
        .isEqualTo(new RateDecision(true, 5, 3, 24, 0, 60));
  }

  @Test
  void whenPostgresqlIsUnreachableItRefusesToDecideRatherThanLetRequestsThrough() throws IOException {
    PGSimpleDataSource unreachable = new PGSimpleDataSource();
    unreachable.setUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/kadi");
    unreachable.setConnectTimeout(1);
    RateLimiter limiter = new RateLimiter(unreachable, RateLimitProperties.defaults(), clock);

    assertThatThrownBy(() -> limiter.tryConsume(client, RateClass.READ))
        .isInstanceOf(RateLimitUnavailableException.class)
        .satisfies(failure -> assertThat(InfrastructureFailures.isUnavailable(failure)).as("answered 503").isTrue());
  }

  /** A limiter with a connection pool of its own, as another instance of the service would have. */
  private RateLimiter instance(RateLimitProperties properties, Clock clock) {
    TestDatabase database = TestDatabase.get();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(database.username());
    config.setPassword(database.password());
    config.setSchema(schema);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return new RateLimiter(pool, properties, clock);
  }

  private static List<RateDecision> consume(RateLimiter limiter, String client, RateClass rateClass, int requests) {
    return IntStream.range(0, requests).mapToObj(i -> limiter.tryConsume(client, rateClass)).toList();
  }

  private List<String> bucketsOf(String client) {
    return JdbcClient.create(pools.getFirst()).sql("select id from rate_limit_buckets where id like ? order by id")
        .param(client + ":%").query(String.class).list();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
