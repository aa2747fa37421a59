package io.kadi.limits.authorization.kafka;

import static io.kadi.limits.testing.AuthorizationEvents.randomAmount;
import static io.kadi.limits.testing.AuthorizationEvents.requested;
import static io.kadi.limits.testing.AuthorizationEvents.spendingLimit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.card.v1.LimitInterval;
import io.kadi.events.card.v1.SpendingControls;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.limits.authorization.application.LimitsService;
import io.kadi.limits.testing.LimitsServiceTest;
import io.kadi.limits.testing.ReservationsTable;
import io.kadi.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import io.kadi.kit.testing.TestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Authorizations published all at once never approve more than a limit allows: on one card (one partition), and on two
 * cards of one cardholder that two consumer threads evaluate in parallel.
 */
@LimitsServiceTest
class ConcurrentAuthorizationsIT {

  private static final int AUTHORIZATIONS = 200;
  /** NGN 10,000.00 a day: about a tenth of what is asked. */
  private static final long DAILY_LIMIT = 10_000_00;

  @Autowired JdbcClient jdbc;
  @Autowired KafkaListenerEndpointRegistry listeners;
  ReservationsTable reservations;
  LimitDecisionsProbe limits;
  final Random random = new Random();
  final UUID cardholder = UUID.randomUUID();

  @BeforeEach
  void open() {
    reservations = new ReservationsTable(jdbc);
    limits = new LimitDecisionsProbe();
  }

  @AfterEach
  void close() {
    limits.close();
  }

  @Test
  void concurrentAuthorizationsOnOneCardNeverApproveMoreThanItsDailyLimit() throws Exception {
    UUID card = UUID.randomUUID();
    List<AuthorizationRequested> requests = randomRequests(List.of(card), spendingLimit(DAILY_LIMIT, "NGN", LimitInterval.daily),
        SpendingControls.newBuilder().build());

    publishAllAtOnce(requests);

    assertNoMoreApprovedThanTheLimit(requests, limits.answersTo(requests), "card");
  }

  @Test
  void concurrentAuthorizationsOnTwoCardsOfACardholderEvaluatedInParallelNeverApproveMoreThanItsDailyLimit() throws Exception {
    List<Set<Integer>> partitionsOfEachConsumer = partitionsOfEachConsumer();
    // One card on a partition of each consumer thread: the two cards really are evaluated in parallel.
    List<UUID> cards = List.of(cardOn(partitionsOfEachConsumer.get(0)), cardOn(partitionsOfEachConsumer.get(1)));
    List<AuthorizationRequested> requests = randomRequests(cards, SpendingControls.newBuilder().build(),
        spendingLimit(DAILY_LIMIT, "NGN", LimitInterval.daily));

    publishAllAtOnce(requests);

    List<LimitsEvaluated> answers = limits.answersTo(requests);
    assertNoMoreApprovedThanTheLimit(requests, answers, "cardholder");
    assertThat(answers).filteredOn(LimitsEvaluated::getApproved).extracting(LimitsEvaluated::getCardId)
        .as("both cards had some approved").containsAll(cards);
  }

  private List<AuthorizationRequested> randomRequests(List<UUID> cards, SpendingControls card, SpendingControls cardholderControls) {
    return IntStream.range(0, AUTHORIZATIONS).mapToObj(i -> requested(cards.get(i % cards.size()), cardholder,
            randomAmount(random), "NGN")
            .setCardControls(card)
            .setCardholderControls(cardholderControls)
            .build())
        .toList();
  }

  /** From 8 threads at once, each request keyed by its card. */
  private void publishAllAtOnce(List<AuthorizationRequested> requests) throws Exception {
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      List<Future<?>> sent = new ArrayList<>();
      for (AuthorizationRequested request : requests) {
        sent.add(threads.submit(() -> limits.publish(request.getCardId(), request)));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    }
  }

  /**
   * At most the limit is approved; what was declined was declined for that limit only; and nothing was declined that
   * fitted: the room left at the end is less than any declined amount, as room only shrinks while nothing is released.
   */
  private void assertNoMoreApprovedThanTheLimit(List<AuthorizationRequested> requests, List<LimitsEvaluated> answers, String scope) {
    Map<UUID, AuthorizationRequested> byId = requests.stream()
        .collect(Collectors.toMap(AuthorizationRequested::getAuthorizationId, Function.identity()));
    long approved = answers.stream().filter(LimitsEvaluated::getApproved)
        .mapToLong(answer -> byId.get(answer.getAuthorizationId()).getAmount()).sum();
    long smallestDeclined = answers.stream().filter(answer -> !answer.getApproved())
        .mapToLong(answer -> byId.get(answer.getAuthorizationId()).getAmount()).min().orElseThrow();

    assertThat(answers).hasSize(AUTHORIZATIONS);
    assertThat(approved).isLessThanOrEqualTo(DAILY_LIMIT).isGreaterThan(DAILY_LIMIT - smallestDeclined);
    assertThat(answers).filteredOn(answer -> !answer.getApproved()).allSatisfy(answer ->
        assertThat(answer.getViolations()).singleElement().satisfies(violation -> {
          assertThat(violation.getCode()).isEqualTo("spending_limit");
          assertThat(violation.getScope()).isEqualTo(scope);
        }));
    List<ReservationsTable.Row> rows = reservations.ofCardholder(cardholder);
    assertThat(rows).hasSize(AUTHORIZATIONS);
    assertThat(rows).filteredOn(row -> row.status().equals("reserved")).extracting(ReservationsTable.Row::authorizationId)
        .containsExactlyInAnyOrderElementsOf(answers.stream().filter(LimitsEvaluated::getApproved)
            .map(LimitsEvaluated::getAuthorizationId).toList());
  }

  /** The partitions of kadi.authorizations.v1 each consumer thread of the listener holds, once all are assigned. */
  private List<Set<Integer>> partitionsOfEachConsumer() {
    ConcurrentMessageListenerContainer<?, ?> listener =
        (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer(LimitsService.HANDLER);
    return await().atMost(Duration.ofSeconds(30)).until(() -> listener.getContainers().stream()
            .map(ConcurrentAuthorizationsIT::partitionsOf).toList(),
        partitions -> partitions.size() == LimitsServiceTest.CONSUMERS && partitions.stream().noneMatch(Set::isEmpty));
  }

  private static Set<Integer> partitionsOf(MessageListenerContainer consumer) {
    Collection<TopicPartition> assigned = consumer.getAssignedPartitions();
    return assigned == null ? Set.of() : assigned.stream().filter(p -> p.topic().equals(Topics.AUTHORIZATIONS.name()))
        .map(TopicPartition::partition).collect(Collectors.toSet());
  }

  /** A card id that Kafka's default partitioner puts on one of the partitions. */
  private static UUID cardOn(Set<Integer> partitions) throws Exception {
    int count = partitionCount(Topics.AUTHORIZATIONS.name());
    while (true) {
      UUID card = UUID.randomUUID();
      int partition = Utils.toPositive(Utils.murmur2(card.toString().getBytes(StandardCharsets.UTF_8))) % count;
      if (partitions.contains(partition)) {
        return card;
      }
    }
  }

  private static int partitionCount(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers()))) {
      return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }
  }
}
