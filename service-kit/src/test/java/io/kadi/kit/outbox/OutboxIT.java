package io.kadi.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.events.card.v1.CardFrozen;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.testapp.KitIntegrationTest;
import io.kadi.kit.testapp.Notes;
import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.serde.KadiAvroSerializer;
import io.kadi.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@KitIntegrationTest
class OutboxIT {

  private static final RequestContext CONTEXT = new RequestContext("req-outbox", "client-1", Mode.SANDBOX, null);
  private static final String TOPIC = Topics.CARD_EVENTS.name();

  @Autowired Notes notes;
  @Autowired Outbox outbox;
  @Autowired RecordMetadata metadata;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired KafkaProperties kafka;
  @Autowired MeterRegistry meters;
  @Autowired OutboxRelay relay;

  @Test
  void publishesTheRecordRightAfterCommitWithoutWaitingForASweep() {
    // The test service sweeps once an hour: only the commit's wake-up can publish within the wait.
    UUID key = UUID.randomUUID();
    try (TopicProbe events = TopicProbe.fromEnd(TOPIC)) {
      notes.write(key, "hello", CONTEXT);

      TopicProbe.Received received = events.awaitRecord(r -> r.value() instanceof CardFrozen f && f.getCardId().equals(key));

      assertThat(received.raw().key()).isEqualTo(key.toString());
      assertThat(received.raw().value()[0]).as("Confluent magic byte").isZero();
      CardFrozen event = (CardFrozen) received.value();
      assertThat(event.getReason()).isEqualTo("hello");
      assertThat(event.getMetadata().getRequestId()).isEqualTo("req-outbox");
      assertThat(event.getMetadata().getActorClientId()).isEqualTo("client-1");
      assertThat(pendingFor(key)).isZero();
    }
  }

  @Test
  void aRelayStoppedAndStartedAgainPublishesAsBefore() {
    // Spring stops the lifecycle of a cached test context it pauses, and starts it again when a test needs it.
    relay.stop();
    relay.start();
    UUID key = UUID.randomUUID();
    try (TopicProbe events = TopicProbe.fromEnd(TOPIC)) {
      notes.write(key, "after a restart", CONTEXT);

      assertThat(events.await(CardFrozen.class, f -> f.getCardId().equals(key)).getReason()).isEqualTo("after a restart");
      assertThat(pendingFor(key)).isZero();
    }
  }

  @Test
  void aRolledBackChangeLeavesNoRowAndPublishesNothing() {
    UUID key = UUID.randomUUID();
    try (TopicProbe events = TopicProbe.fromEnd(TOPIC)) {
      assertThatThrownBy(() -> notes.writeThenFail(key, "ghost", CONTEXT)).hasMessage("fails after the write");
      notes.write(key, "marker", CONTEXT);
      events.await(CardFrozen.class, f -> f.getCardId().equals(key));

      // Same key, same partition: a published "ghost" would stand before the marker.
      assertThat(events.readToEnd(CardFrozen.class, f -> f.getCardId().equals(key)))
          .extracting(CardFrozen::getReason).containsExactly("marker");
      assertThat(notes.count(key)).isEqualTo(1);
    }
  }

  @Test
  void refusesToAppendOutsideATransaction() {
    UUID key = UUID.randomUUID();

    assertThatThrownBy(() -> outbox.append(Topics.CARD_EVENTS, key.toString(), frozen(key, "no tx")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
  }

  @Test
  void refusesARecordTypeTheTopicDoesNotCarry() {
    UUID key = UUID.randomUUID();

    assertThatThrownBy(() -> transactions.executeWithoutResult(
            status -> outbox.append(Topics.CARD_COMMANDS, key.toString(), frozen(key, "wrong topic"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kadi.card-commands.v1 does not carry");
    assertThat(pendingFor(key)).isZero();
  }

  @Test
  void keepsTheCommitOrderOfEachKeyWhileWritersAndRelaysCompete() throws Exception {
    List<UUID> keys = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID()).toList();
    int writersPerKey = 4;
    int writesPerWriter = 15;
    OutboxRelay second = newRelay(Duration.ofMillis(5));
    second.start();
    try (TopicProbe events = TopicProbe.fromEnd(TOPIC);
        ExecutorService writers = Executors.newFixedThreadPool(keys.size() * writersPerKey)) {
      for (UUID key : keys) {
        for (int writer = 0; writer < writersPerKey; writer++) {
          writers.submit(() -> IntStream.range(0, writesPerWriter).forEach(i -> notes.writeNext(key, CONTEXT)));
        }
      }
      writers.shutdown();
      assertThat(writers.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      int perKey = writersPerKey * writesPerWriter;
      for (UUID key : keys) {
        events.await(CardFrozen.class, f -> f.getCardId().equals(key) && f.getReason().equals(String.valueOf(perKey - 1)));
      }
      for (UUID key : keys) {
        assertThat(events.readToEnd(CardFrozen.class, f -> f.getCardId().equals(key)))
            .extracting(CardFrozen::getReason)
            .containsExactlyElementsOf(IntStream.range(0, perKey).mapToObj(String::valueOf).toList());
      }
    } finally {
      second.stop();
    }
  }

  @Test
  void aStartingRelayPublishesWhatACrashedInstanceLeftBehind() {
    // Rows committed by an instance that died before publishing: nothing will wake a relay for them.
    UUID key = UUID.randomUUID();
    KadiAvroSerializer serializer = new KadiAvroSerializer();
    serializer.configure(Map.of("schema.registry.url", KadiTestInfrastructure.SCHEMA_REGISTRY_URL), false);
    for (String reason : List.of("first", "second")) {
      CardFrozen record = frozen(key, reason);
      jdbc.sql("insert into outbox (topic, record_key, record_value, event_type, event_id) values (?, ?, ?, ?, ?)")
          .params(TOPIC, key.toString(), serializer.serialize(TOPIC, record), "io.kadi.events.card.v1.CardFrozen",
              record.getMetadata().getEventId())
          .update();
    }
    assertThat(meters.get("kadi.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(2);
    assertThat(meters.get("kadi.outbox.oldest.age").gauge().value()).isPositive();
    try (TopicProbe events = TopicProbe.fromEnd(TOPIC)) {
      OutboxRelay restarted = newRelay(Duration.ofHours(1));
      restarted.start();
      try {
        events.await(CardFrozen.class, f -> f.getCardId().equals(key) && f.getReason().equals("second"));

        assertThat(events.readToEnd(CardFrozen.class, f -> f.getCardId().equals(key)))
            .extracting(CardFrozen::getReason).containsExactly("first", "second");
        assertThat(pendingFor(key)).isZero();
        assertThat(meters.get("kadi.outbox.pending").gauge().value()).isZero();
      } finally {
        restarted.stop();
      }
    }
  }

  @Test
  void aRecordKafkaRefusesForGoodIsParkedAndTheRecordsBehindItArePublishedOnce() {
    UUID key = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    try (TopicProbe events = TopicProbe.fromEnd(TOPIC)) {
      notes.write(key, "before", CONTEXT);
      notes.write(key, "x".repeat(1_200_000), CONTEXT); // above the producer's max.request.size of 1 MB
      notes.write(key, "after", CONTEXT);
      notes.write(other, "elsewhere", CONTEXT);

      events.await(CardFrozen.class, f -> f.getCardId().equals(other));
      events.await(CardFrozen.class, f -> f.getCardId().equals(key) && f.getReason().equals("after"));

      assertThat(events.readToEnd(CardFrozen.class, f -> f.getCardId().equals(key) || f.getCardId().equals(other)))
          .extracting(CardFrozen::getReason).containsExactlyInAnyOrder("before", "after", "elsewhere");
      assertThat(jdbc.sql("select reason from outbox_parked where record_key = ?").param(key.toString()).query(String.class).list())
          .singleElement().asString().contains("RecordTooLargeException");
      assertThat(pendingFor(key)).isZero();
      assertThat(meters.get("kadi.outbox.parked").gauge().value()).isGreaterThanOrEqualTo(1);
    }
  }

  private OutboxRelay newRelay(Duration sweepInterval) {
    return OutboxRelay.create(jdbc, transactions, kafka.buildProducerProperties(),
        new OutboxProperties(sweepInterval, 500, Duration.ofSeconds(30), Duration.ofSeconds(1)), "second-relay");
  }

  private CardFrozen frozen(UUID key, String reason) {
    return CardFrozen.newBuilder().setMetadata(metadata.stamp(CONTEXT)).setCardId(key).setReason(reason).build();
  }

  private int pendingFor(UUID key) {
    return jdbc.sql("select count(*) from outbox where record_key = ?").param(key.toString()).query(Integer.class).single();
  }
}
