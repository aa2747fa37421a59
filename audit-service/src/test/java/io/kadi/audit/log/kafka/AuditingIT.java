package io.kadi.audit.log.kafka;

import static io.kadi.audit.testing.SampleRecords.eventIdOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.audit.testing.AuditLogTable;
import io.kadi.audit.testing.AuditLogTable.Row;
import io.kadi.audit.testing.AuditServiceTest;
import io.kadi.audit.testing.AvroRecords;
import io.kadi.audit.testing.SampleRecords;
import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.commands.card.v1.IssueCard;
import io.kadi.events.audit.v1.AuditRecord;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CommandRejected;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.KadiTopic;
import io.kadi.schemas.topics.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

@AuditServiceTest
class AuditingIT {

  private static final String COMMANDS = Topics.CARD_COMMANDS.name();
  private static final String EVENTS = Topics.CARD_EVENTS.name();

  @Autowired JdbcClient jdbc;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @LocalServerPort int port;
  AuditLogTable log;

  @BeforeEach
  void table() {
    log = new AuditLogTable(jdbc);
  }

  @Test
  void listensToEveryCatalogueTopicButItsOwnOutput() {
    List<String> catalogue = Topics.ALL.stream().map(KadiTopic::name).filter(name -> !name.equals("kadi.audit-records.v1")).toList();

    assertThat(listeners.getListenerContainers())
        .flatExtracting(container -> Arrays.asList(container.getContainerProperties().getTopics()))
        .containsExactlyInAnyOrderElementsOf(catalogue);
  }

  @Test
  void everyPublishedRecordIsAppendedInConsecutiveSequenceAndPublishedToAnalysts() {
    UUID cardholderId = UUID.randomUUID();
    UUID cardId = UUID.randomUUID();
    IssueCard issue = SampleRecords.issueCard(cardholderId);
    CardIssued issued = SampleRecords.cardIssued(cardId, cardholderId);
    FreezeCard freeze = SampleRecords.freezeCard(cardId);
    CommandRejected rejected = SampleRecords.commandRejected(null);
    List<Published> published = List.of(
        new Published(COMMANDS, cardholderId, issue,
            Map.of("commandId", issue.getCommandId(), "cardholderId", cardholderId.toString())),
        new Published(EVENTS, cardId, issued, Map.of("cardId", cardId.toString(), "cardholderId", cardholderId.toString())),
        new Published(COMMANDS, cardId, freeze, Map.of("commandId", freeze.getCommandId(), "cardId", cardId.toString())),
        new Published(EVENTS, cardholderId, rejected, Map.of("commandId", rejected.getCommandId())));
    try (TopicProbe commands = TopicProbe.fromEnd(COMMANDS); TopicProbe events = TopicProbe.fromEnd(EVENTS);
        TopicProbe audits = TopicProbe.fromEnd(Topics.AUDIT_RECORDS.name()); TestProducer producer = new TestProducer()) {
      published.forEach(p -> producer.publish(p.topic(), p.key().toString(), p.record()));

      List<Long> sequences = published.stream().map(p -> {
        TopicProbe.Received source = (p.topic().equals(COMMANDS) ? commands : events)
            .awaitRecord(r -> r.value() instanceof SpecificRecord s && eventIdOf(s).equals(p.eventId()));
        Row row = log.awaitRow(p.eventId());

        assertThat(row).usingRecursiveComparison().ignoringFields("sequence", "previousHash", "hash", "recordedAt")
            .isEqualTo(new Row(0, p.eventId(), p.record().getSchema().getFullName(), p.topic(), source.raw().partition(),
                source.raw().offset(), RecordMetadata.of(p.record()).getOccurredAt(), p.subjectIds(),
                AvroRecords.json(p.record()), null, null, null));
        assertPublishedToAnalysts(audits.await(AuditRecord.class, a -> a.getSourceEventId().equals(p.eventId())), row, p);
        return row.sequence();
      }).sorted().toList();

      assertThat(sequences).as("appended one after the other, whatever their topic")
          .isEqualTo(LongStream.range(sequences.getFirst(), sequences.getFirst() + published.size()).boxed().toList());
      assertThat(new Http(port).get("/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
    }
  }

  @Test
  void aRecordPublishedTwiceIsAppendedAndPublishedOnce() {
    UUID cardId = UUID.randomUUID();
    SpecificRecord issued = SampleRecords.cardIssued(cardId, UUID.randomUUID());
    SpecificRecord after = SampleRecords.cardFrozen(cardId);
    try (TopicProbe audits = TopicProbe.fromEnd(Topics.AUDIT_RECORDS.name());
        TopicProbe deadLetters = TopicProbe.fromEnd(Topics.CARD_EVENTS.deadLetterTopic("audit-service"));
        TestProducer producer = new TestProducer()) {
      // As an outbox relay that crashed before deleting its row publishes it: same event, another offset.
      producer.publish(EVENTS, cardId.toString(), issued);
      producer.publish(EVENTS, cardId.toString(), issued);
      producer.publish(EVENTS, cardId.toString(), after);

      // Same key, same partition: once the record after is audited, both copies have been consumed.
      log.awaitRow(eventIdOf(after));
      audits.await(AuditRecord.class, a -> a.getSourceEventId().equals(eventIdOf(after)));

      assertThat(log.rowsOf(eventIdOf(issued))).isEqualTo(1);
      assertThat(audits.readToEnd(AuditRecord.class, a -> a.getSourceEventId().equals(eventIdOf(issued)))).hasSize(1);
      assertThat(deadLetters.readToEnd()).as("the copy was skipped, not refused")
          .noneMatch(dead -> cardId.toString().equals(dead.raw().key()));
    }
  }

  @Test
  void aRecordOfATypeThisBuildHasNoClassForIsAuditedAsItWasWritten() {
    UUID cardId = UUID.randomUUID();
    Metadata metadata = SampleRecords.metadata();
    GenericRecord nicknamed = new GenericRecordBuilder(AvroRecords.CARD_NICKNAMED)
        .set("metadata", AvroRecords.generic(metadata))
        .set("cardId", cardId.toString())
        .set("nickname", "travel card")
        .build();
    try (TopicProbe audits = TopicProbe.fromEnd(Topics.AUDIT_RECORDS.name()); TestProducer producer = new TestProducer()) {
      producer.publishBytes(EVENTS, cardId.toString(), AvroRecords.wireFormat(EVENTS, nicknamed));

      Row row = log.awaitRow(metadata.getEventId());
      AuditRecord audit = audits.await(AuditRecord.class, a -> a.getSourceEventId().equals(metadata.getEventId()));

      assertThat(row.eventType()).isEqualTo("io.kadi.events.card.v9.CardNicknamed");
      assertThat(row.subjectIds()).isEqualTo(Map.of("cardId", cardId.toString()));
      assertThat(row.payload()).isEqualTo(AvroRecords.json(nicknamed));
      assertThat(audit.getEventType()).isEqualTo(row.eventType());
      assertThat(audit.getPayload()).isEqualTo(row.payload());
    }
  }

  private static void assertPublishedToAnalysts(AuditRecord audit, Row row, Published source) {
    Metadata sourceMetadata = RecordMetadata.of(source.record());
    assertThat(audit.getMetadata().getCausationId()).isEqualTo(source.eventId().toString());
    assertThat(audit.getMetadata().getRequestId()).isEqualTo(sourceMetadata.getRequestId());
    assertThat(audit.getMetadata().getActorClientId()).isEqualTo(sourceMetadata.getActorClientId());
    assertThat(audit.getMetadata().getMode()).isEqualTo(sourceMetadata.getMode());
    assertThat(audit).isEqualTo(AuditRecord.newBuilder()
        .setMetadata(audit.getMetadata())
        .setChainId("kadi")
        .setSequence(row.sequence())
        .setPreviousHash(row.previousHash())
        .setHash(row.hash())
        .setRecordedAt(row.recordedAt())
        .setSourceTopic(row.sourceTopic())
        .setSourcePartition(row.sourcePartition())
        .setSourceOffset(row.sourceOffset())
        .setSourceEventId(source.eventId())
        .setEventType(row.eventType())
        .setSourceOccurredAt(row.occurredAt())
        .setSubjectIds(row.subjectIds())
        .setPayload(row.payload())
        .build());
  }

  private record Published(String topic, UUID key, SpecificRecord record, Map<String, String> subjectIds) {

    UUID eventId() {
      return eventIdOf(record);
    }
  }
}
