package io.kadi.audit.log.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.audit.testing.AuditLogTable;
import io.kadi.audit.testing.AuditServiceTest;
import io.kadi.audit.testing.AvroRecords;
import io.kadi.audit.testing.SampleRecords;
import io.kadi.events.card.v1.CardFrozen;
import io.kadi.kit.kafka.KadiKafkaAutoConfiguration;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AuditServiceTest
class DeadLettersIT {

  private static final String EVENTS = Topics.CARD_EVENTS.name();
  private static final String DEAD_LETTERS = "kadi.card-events.v1.audit-service.dlt";

  @Autowired JdbcClient jdbc;

  @Test
  void aRecordThatIsNotAvroGoesToTheDeadLetterTopicAsItWasAndAuditingGoesOn() {
    String key = UUID.randomUUID().toString();
    byte[] poison = "{\"definitely\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
    CardFrozen next = SampleRecords.cardFrozen(UUID.fromString(key));
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); TestProducer producer = new TestProducer()) {
      producer.publishBytes(EVENTS, key, poison);
      producer.publish(EVENTS, key, next);

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> key.equals(r.raw().key()));

      assertThat(dead.raw().value()).isEqualTo(poison);
      assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(EVENTS);
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).contains("magic byte");
      assertThat(new AuditLogTable(jdbc).awaitRow(next.getMetadata().getEventId()).eventType())
          .isEqualTo("io.kadi.events.card.v1.CardFrozen");
    }
  }

  @Test
  void aRecordWithoutKadiMetadataCannotBeAuditedAndIsDeadLetteredAtOnce() {
    String key = UUID.randomUUID().toString();
    GenericRecord anonymous = new GenericRecordBuilder(AvroRecords.ANONYMOUS_NOTE).set("cardId", key).build();
    byte[] value = AvroRecords.wireFormat(EVENTS, anonymous);
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); TestProducer producer = new TestProducer()) {
      producer.publishBytes(EVENTS, key, value);

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> key.equals(r.raw().key()));

      assertThat(dead.raw().value()).isEqualTo(value);
      assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(UnprocessableRecordException.class.getName());
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER))
          .isEqualTo("Cannot audit io.kadi.events.card.v9.AnonymousNote: it carries no Kadi metadata (a metadata field with an eventId)");
    }
  }

  private static String header(TopicProbe.Received record, String name) {
    Header header = record.raw().headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
