package io.kadi.audit.log.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.audit.log.application.AuditLog;
import io.kadi.audit.log.domain.Verification;
import io.kadi.audit.testing.AuditLogTable;
import io.kadi.audit.testing.AuditServiceTest;
import io.kadi.audit.testing.AvroRecords;
import io.kadi.audit.testing.SampleRecords;
import io.kadi.events.audit.v1.AuditRecord;
import io.kadi.events.card.v1.CardFrozen;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.kafka.KadiKafkaAutoConfiguration;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AuditServiceTest
class DeadLettersIT {

  private static final String EVENTS = Topics.CARD_EVENTS.name();
  private static final String DEAD_LETTERS = "kadi.card-events.v1.audit-service.dlt";

  @Autowired AuditLog auditLog;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;
  AuditLogTable log;

  @BeforeEach
  void table() {
    log = new AuditLogTable(jdbc);
  }

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
      assertThat(log.awaitRow(next.getMetadata().getEventId()).eventType())
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

  @Test
  void anotherRecordReusingAnEventIdIsDeadLetteredAndTheLogKeepsTheFirst() {
    UUID cardId = UUID.randomUUID();
    String key = cardId.toString();
    CardFrozen first = SampleRecords.cardFrozen(cardId);
    // As a producer that sets metadata.eventId itself publishes it, by mistake or on purpose: same id, other content.
    CardFrozen reusingItsId = CardFrozen.newBuilder(first).setReason("stolen").build();
    CardFrozen next = SampleRecords.cardFrozen(cardId);
    UUID eventId = first.getMetadata().getEventId();
    double deadLettersBefore = deadLettersOf(EVENTS);
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); TopicProbe audits = TopicProbe.fromEnd(Topics.AUDIT_RECORDS.name());
        TestProducer producer = new TestProducer()) {
      producer.publish(EVENTS, key, first);
      producer.publish(EVENTS, key, reusingItsId);
      producer.publish(EVENTS, key, next);

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> key.equals(r.raw().key()));
      // Same key, same partition: the record after is audited only once the consumer has gone past the dead letter.
      log.awaitRow(next.getMetadata().getEventId());
      AuditLogTable.Row kept = log.awaitRow(eventId);

      assertThat(dead.value()).isEqualTo(reusingItsId);
      assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(UnprocessableRecordException.class.getName());
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).isEqualTo(("Cannot audit event %s "
          + "(io.kadi.events.card.v1.CardFrozen): its content differs from the entry at sequence %d "
          + "(io.kadi.events.card.v1.CardFrozen), which has the same event id").formatted(eventId, kept.sequence()));
      assertThat(deadLetters.readToEnd()).filteredOn(r -> key.equals(r.raw().key())).hasSize(1);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLettersOf(EVENTS)).isEqualTo(deadLettersBefore + 1));

      assertThat(log.rowsOf(eventId)).isEqualTo(1);
      assertThat(kept.payload()).isEqualTo(AvroRecords.json(first));
      assertThat(audits.readToEnd(AuditRecord.class, a -> a.getSourceEventId().equals(eventId)))
          .extracting(AuditRecord::getPayload).containsExactly(AvroRecords.json(first));
      assertThat(auditLog.verify()).isInstanceOf(Verification.Intact.class);
    }
  }

  /**
   * Read, but refused by the database (PostgreSQL's text holds no NUL): the poll's transaction fails, the records
   * are appended one by one, and only that one is retried and dead-lettered; those around it are audited.
   */
  @Test
  void aRecordTheLogCannotStoreIsDeadLetteredAndTheRecordsAroundItAreAudited() {
    UUID cardId = UUID.randomUUID();
    String key = cardId.toString();
    CardFrozen before = SampleRecords.cardFrozen(cardId);
    CardFrozen base = SampleRecords.cardFrozen(cardId);
    CardFrozen unstorable = CardFrozen.newBuilder(base)
        .setMetadata(Metadata.newBuilder(base.getMetadata()).setRequestId("req-\u0000").build()).build();
    CardFrozen after = SampleRecords.cardFrozen(cardId);
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); TestProducer producer = new TestProducer()) {
      producer.publish(EVENTS, key, before);
      producer.publish(EVENTS, key, unstorable);
      producer.publish(EVENTS, key, after);

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> key.equals(r.raw().key()));

      assertThat(dead.value()).isEqualTo(unstorable);
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).contains("0x00");
      assertThat(log.awaitRow(before.getMetadata().getEventId()).sequence())
          .isLessThan(log.awaitRow(after.getMetadata().getEventId()).sequence());
      assertThat(log.rowsOf(unstorable.getMetadata().getEventId())).isZero();
      assertThat(auditLog.verify()).isInstanceOf(Verification.Intact.class);
    }
  }

  private double deadLettersOf(String topic) {
    Counter counter = meters.find(KadiKafkaAutoConfiguration.DEAD_LETTERS_METER).tag("topic", topic).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String header(TopicProbe.Received record, String name) {
    Header header = record.raw().headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
