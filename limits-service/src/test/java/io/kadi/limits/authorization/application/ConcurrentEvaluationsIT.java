package io.kadi.limits.authorization.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.limits.authorization.domain.Authorization;
import io.kadi.limits.authorization.domain.Channel;
import io.kadi.limits.authorization.domain.Controls;
import io.kadi.limits.authorization.domain.Interval;
import io.kadi.limits.authorization.domain.LimitDecision;
import io.kadi.limits.authorization.domain.LimitRequest;
import io.kadi.limits.authorization.domain.SpendingLimit;
import io.kadi.limits.authorization.domain.VelocityLimit;
import io.kadi.limits.testing.AuthorizationEvents;
import io.kadi.limits.testing.LimitsServiceTest;
import io.kadi.limits.testing.ReservationsTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many threads evaluating at the same instant, as consumers of any partitioning or any number of instances might: the
 * locks in PostgreSQL alone keep every limit exact.
 */
@LimitsServiceTest
class ConcurrentEvaluationsIT {

  private static final int AUTHORIZATIONS = 200;
  private static final int THREADS = 16;
  private static final long DAILY_LIMIT = 10_000_00;
  private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

  @Autowired LimitsService limits;
  @Autowired JdbcClient jdbc;
  ReservationsTable reservations;
  final Random random = new Random();
  final UUID cardholder = UUID.randomUUID();
  final List<UUID> cards = List.of(UUID.randomUUID(), UUID.randomUUID());

  @BeforeEach
  void table() {
    reservations = new ReservationsTable(jdbc);
  }

  @Test
  void concurrentEvaluationsOnOneCardNeverApproveMoreThanItsDailyLimit() throws Exception {
    Controls daily = Controls.spendingLimits(List.of(SpendingLimit.of(DAILY_LIMIT, "NGN", Interval.DAILY)));
    List<LimitRequest> requests = IntStream.range(0, AUTHORIZATIONS)
        .mapToObj(i -> request(cards.getFirst(), AuthorizationEvents.randomAmount(random), daily, Controls.NONE)).toList();

    List<LimitDecision> decisions = evaluateAllAtOnce(requests);

    assertNoMoreApprovedThanTheLimit(requests, decisions);
  }

  @Test
  void concurrentEvaluationsOnTwoCardsNeverApproveMoreThanTheCardholdersDailyLimit() throws Exception {
    Controls daily = Controls.spendingLimits(List.of(SpendingLimit.of(DAILY_LIMIT, "NGN", Interval.DAILY)));
    List<LimitRequest> requests = IntStream.range(0, AUTHORIZATIONS)
        .mapToObj(i -> request(cards.get(i % 2), AuthorizationEvents.randomAmount(random), Controls.NONE, daily)).toList();

    List<LimitDecision> decisions = evaluateAllAtOnce(requests);

    assertNoMoreApprovedThanTheLimit(requests, decisions);
  }

  @Test
  void concurrentEvaluationsOnTwoCardsApproveExactlyAsManyAsTheCardholdersVelocityLimitAllows() throws Exception {
    Controls tenAnHour = new Controls(List.of(), List.of(VelocityLimit.ofCount(10, Duration.ofHours(1))), Optional.empty(),
        List.of(), Optional.empty(), List.of(), Optional.empty());
    List<LimitRequest> requests = IntStream.range(0, AUTHORIZATIONS)
        .mapToObj(i -> request(cards.get(i % 2), 100_00, Controls.NONE, tenAnHour)).toList();

    List<LimitDecision> decisions = evaluateAllAtOnce(requests);

    assertThat(decisions).filteredOn(LimitDecision::approved).hasSize(10);
    assertThat(reservations.ofCardholder(cardholder)).filteredOn(row -> row.status().equals("reserved")).hasSize(10);
  }

  private LimitRequest request(UUID card, long amount, Controls cardControls, Controls cardholderControls) {
    return new LimitRequest(new Authorization(UUID.randomUUID(), card, cardholder, amount, "NGN", "5411", "NG", Channel.POS,
        NOW, ZoneId.of("Africa/Lagos")), cardControls, cardholderControls, 3);
  }

  /** All requests from {@value #THREADS} threads, released together; each decision in the order of the requests. */
  private List<LimitDecision> evaluateAllAtOnce(List<LimitRequest> requests) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
      List<Future<LimitDecision>> decisions = new ArrayList<>();
      for (LimitRequest request : requests) {
        decisions.add(threads.submit(() -> {
          start.await();
          return limits.evaluate(request, AuthorizationEvents.CONTEXT);
        }));
      }
      start.countDown();
      List<LimitDecision> decided = new ArrayList<>();
      for (Future<LimitDecision> decision : decisions) {
        decided.add(decision.get());
      }
      return decided;
    }
  }

  /** See ConcurrentAuthorizationsIT: at most the limit, and nothing declined that fitted in what was left. */
  private void assertNoMoreApprovedThanTheLimit(List<LimitRequest> requests, List<LimitDecision> decisions) {
    long approved = 0;
    long smallestDeclined = Long.MAX_VALUE;
    for (int i = 0; i < requests.size(); i++) {
      long amount = requests.get(i).authorization().amount();
      if (decisions.get(i).approved()) {
        approved += amount;
      } else {
        smallestDeclined = Math.min(smallestDeclined, amount);
      }
    }

    assertThat(approved).isLessThanOrEqualTo(DAILY_LIMIT).isGreaterThan(DAILY_LIMIT - smallestDeclined);
    assertThat(reservations.ofCardholder(cardholder).stream().filter(row -> row.status().equals("reserved"))
        .mapToLong(ReservationsTable.Row::amount).sum()).isEqualTo(approved);
  }
}
