package io.kadi.audit.log.kafka;

import static io.kadi.audit.testing.AvroRecords.generic;
import static io.kadi.audit.testing.AvroRecords.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.SourcePosition;
import io.kadi.audit.testing.AvroRecords;
import io.kadi.audit.testing.SampleRecords;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CommandRejected;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.kafka.UnprocessableRecordException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class AuditedRecordsTest {

  private static final String EVENTS = "kadi.card-events.v1";

  @Test
  void keepsTheMetadataTheSourceTheSubjectIdsAndTheRecordAsAvroJson() {
    UUID cardId = UUID.randomUUID();
    UUID cardholderId = UUID.randomUUID();
    CardIssued issued = SampleRecords.cardIssued(cardId, cardholderId);
    Metadata metadata = issued.getMetadata();

    AuditedRecord audited = AuditedRecords.of(consumed(generic(issued)));

    assertThat(audited).isEqualTo(new AuditedRecord(metadata.getEventId(), "io.kadi.events.card.v1.CardIssued",
        new SourcePosition(EVENTS, 4, 1234), metadata.getOccurredAt(), "sandbox", "client-audit", "req-audit-test",
        new TreeMap<>(Map.of("cardId", cardId.toString(), "cardholderId", cardholderId.toString())), json(issued)));
  }

  @Test
  void subjectIdsAreTheTopLevelStringFieldsNamedIdThatHaveAValue() {
    CommandRejected withoutSubject = SampleRecords.commandRejected(null);
    CommandRejected withSubject = SampleRecords.commandRejected("card-1");

    assertThat(AuditedRecords.of(consumed(generic(withoutSubject))).subjectIds())
        .containsExactlyEntriesOf(Map.of("commandId", withoutSubject.getCommandId()));
    assertThat(AuditedRecords.of(consumed(generic(withSubject))).subjectIds())
        .containsExactlyEntriesOf(new TreeMap<>(Map.of("commandId", withSubject.getCommandId(), "subjectId", "card-1")));
  }

  @Test
  void readsATypeThisBuildHasNoClassFor() {
    UUID cardId = UUID.randomUUID();
    GenericRecord nicknamed = new GenericRecordBuilder(AvroRecords.CARD_NICKNAMED)
        .set("metadata", generic(SampleRecords.metadata()))
        .set("cardId", cardId.toString())
        .set("nickname", "travel card")
        .build();

    AuditedRecord audited = AuditedRecords.of(consumed(nicknamed));

    assertThat(audited.eventType()).isEqualTo("io.kadi.events.card.v9.CardNicknamed");
    assertThat(audited.subjectIds()).containsExactlyEntriesOf(Map.of("cardId", cardId.toString()));
    assertThat(audited.payload()).isEqualTo(json(nicknamed)).contains("\"nickname\":\"travel card\"");
  }

  @Test
  void aRecordWithoutKadiMetadataCannotBeAudited() {
    GenericRecord anonymous = new GenericRecordBuilder(AvroRecords.ANONYMOUS_NOTE).set("cardId", "card-1").build();

    assertThatThrownBy(() -> AuditedRecords.of(consumed(anonymous)))
        .isInstanceOf(UnprocessableRecordException.class)
        .hasMessage("Cannot audit io.kadi.events.card.v9.AnonymousNote: it carries no Kadi metadata (a metadata field with an eventId)");
  }

  @Test
  void metadataWithAnEventIdThatIsNoUuidCannotBeAudited() {
    GenericRecord issued = generic(SampleRecords.cardIssued(UUID.randomUUID(), UUID.randomUUID()));
    ((GenericData.Record) issued.get("metadata")).put("eventId", "not-a-uuid");

    assertThatThrownBy(() -> AuditedRecords.of(consumed(issued)))
        .isInstanceOf(UnprocessableRecordException.class)
        .hasMessageStartingWith("Cannot audit io.kadi.events.card.v1.CardIssued: its Kadi metadata is invalid");
  }

  @Test
  void aValueThatIsNotAnAvroRecordCannotBeAudited() {
    assertThatThrownBy(() -> AuditedRecords.of(consumed("plain text")))
        .isInstanceOf(UnprocessableRecordException.class)
        .hasMessage("Cannot audit a record of kadi.card-events.v1 that is not an Avro record");
  }

  private static ConsumerRecord<String, Object> consumed(Object value) {
    return new ConsumerRecord<>(EVENTS, 4, 1234, "key", value);
  }
}
