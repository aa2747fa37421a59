package io.kadi.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.commands.card.v1.UnfreezeCard;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.testapp.CommandRecorder;
import io.kadi.kit.testapp.KitIntegrationTest;
import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.registry.InMemorySchemaRegistry;
import io.kadi.schemas.serde.WireFormat;
import io.kadi.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@KitIntegrationTest
class DeadLetterIT {

  private static final String COMMANDS = Topics.CARD_COMMANDS.name();
  private static final String DEAD_LETTERS = Topics.CARD_COMMANDS.deadLetterTopic("kit-test");
  private static final RequestContext CONTEXT = new RequestContext("req-dlt", "client-1", Mode.SANDBOX, null);

  @Autowired CommandRecorder recorder;
  @Autowired MeterRegistry meters;
  @Autowired RecordMetadata metadata;

  @Test
  void aRecordThatIsNotAvroGoesToTheDeadLetterTopicAsItWasAndTheConsumerKeepsGoing() {
    String key = UUID.randomUUID().toString();
    byte[] poison = "{\"definitely\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
    String next = UUID.randomUUID().toString();
    double deadLettered = deadLettered();
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); TestProducer producer = new TestProducer()) {
      producer.publishBytes(COMMANDS, key, poison);
      producer.publish(COMMANDS, key, freeze(next, "ok"));

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> key.equals(r.raw().key()));

      assertThat(dead.raw().value()).isEqualTo(poison);
      assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(COMMANDS);
      assertThat(header(dead, "kafka_dlt-original-consumer-group")).isEqualTo("kit-test");
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).contains("magic byte");
      await().atMost(Duration.ofSeconds(30)).until(() -> recorder.handled().contains(next));
      assertThat(deadLettered()).as("kadi.kafka.dead.letters{topic=%s}", COMMANDS).isEqualTo(deadLettered + 1);
    }
  }

  @Test
  void aRecordThatKeepsFailingIsRetriedABoundedNumberOfTimesThenDeadLettered() {
    String key = UUID.randomUUID().toString();
    String failing = UUID.randomUUID().toString();
    String next = UUID.randomUUID().toString();
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); TestProducer producer = new TestProducer()) {
      producer.publish(COMMANDS, key, freeze(failing, "fail"));
      producer.publish(COMMANDS, key, freeze(next, "ok"));

      TopicProbe.Received letter = deadLetters.awaitRecord(r -> r.value() instanceof FreezeCard f && f.getCommandId().equals(failing));
      FreezeCard dead = (FreezeCard) letter.value();

      assertThat(dead.getReason()).isEqualTo("fail");
      assertThat(WireFormat.schemaId(letter.raw().value())).as("serialized under the source topic's subject")
          .isEqualTo(registry().idOf(COMMANDS + "-io.kadi.commands.card.v1.FreezeCard", FreezeCard.getClassSchema()));
      assertThat(registry().subjects()).noneMatch(subject -> subject.startsWith(DEAD_LETTERS));
      assertThat(header(deadLetters.awaitRecord(r -> r.value() == dead), KadiKafkaAutoConfiguration.REASON_HEADER))
          .isEqualTo("cannot handle " + failing);
      await().atMost(Duration.ofSeconds(30)).until(() -> recorder.handled().contains(next));
      assertThat(Collections.frequency(recorder.attempts(), failing)).as("first attempt plus 2 retries").isEqualTo(3);
      assertThat(recorder.handled()).doesNotContain(failing);
    }
  }

  @Test
  void whileTheDatabaseIsUnavailableARecordIsRetriedBeyondTheRetryLimitAndNeverDeadLettered() {
    String key = UUID.randomUUID().toString();
    String waiting = UUID.randomUUID().toString();
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); TestProducer producer = new TestProducer()) {
      producer.publish(COMMANDS, key, freeze(waiting, "unavailable:5"));

      await().atMost(Duration.ofSeconds(30)).until(() -> recorder.handled().contains(waiting));

      assertThat(Collections.frequency(recorder.attempts(), waiting)).as("5 failed attempts, well past 2 retries, then success")
          .isEqualTo(6);
      assertThat(deadLetters.readToEnd()).noneMatch(r -> r.value() instanceof FreezeCard f && f.getCommandId().equals(waiting));
    }
  }

  @Test
  void anUnprocessableRecordIsDeadLetteredWithoutRetries() {
    String key = UUID.randomUUID().toString();
    String unprocessable = UUID.randomUUID().toString();
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); TestProducer producer = new TestProducer()) {
      producer.publish(COMMANDS, key, UnfreezeCard.newBuilder()
          .setMetadata(metadata.stamp(CONTEXT)).setCommandId(unprocessable).setCardId(key).build());

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> r.value() instanceof UnfreezeCard u && u.getCommandId().equals(unprocessable));

      assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(UnprocessableRecordException.class.getName());
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).isEqualTo("Not handled here: io.kadi.commands.card.v1.UnfreezeCard");
      assertThat(Collections.frequency(recorder.attempts(), unprocessable)).isEqualTo(1);
    }
  }

  private static InMemorySchemaRegistry registry() {
    return InMemorySchemaRegistry.scope(KadiTestInfrastructure.SCHEMA_REGISTRY_URL.substring("mock://".length()));
  }

  private double deadLettered() {
    Counter counter = meters.find(KadiKafkaAutoConfiguration.DEAD_LETTERS_METER).tag("topic", COMMANDS).counter();
    return counter == null ? 0 : counter.count();
  }

  private FreezeCard freeze(String commandId, String reason) {
    return FreezeCard.newBuilder()
        .setMetadata(metadata.stamp(CONTEXT))
        .setCommandId(commandId)
        .setCardId(UUID.randomUUID().toString())
        .setReason(reason)
        .build();
  }

  private static String header(TopicProbe.Received record, String name) {
    Header header = record.raw().headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
