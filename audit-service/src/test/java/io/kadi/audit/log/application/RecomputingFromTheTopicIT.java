package io.kadi.audit.log.application;

import static io.kadi.audit.testing.SampleRecords.eventIdOf;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.audit.testing.AuditServiceTest;
import io.kadi.audit.testing.SampleRecords;
import io.kadi.events.audit.v1.AuditRecord;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CommandRejected;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Re-verifies the chain as an analyst who only reads {@code kadi.audit-records.v1} would: the hash of each record is
 * computed from that record's fields, by the algorithm docs/audit-log.md gives, never from the database's row.
 */
@AuditServiceTest
class RecomputingFromTheTopicIT {

  private static final String EVENTS = Topics.CARD_EVENTS.name();
  private static final String ZERO_HASH = "0".repeat(64);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void eachAuditRecordAloneGivesItsHashAndLinksToTheHashOfTheRecordBefore() {
    UUID cardId = UUID.randomUUID();
    CardIssued issued = SampleRecords.cardIssued(cardId, UUID.randomUUID());
    // A subject id its sender chose, holding the separators of a key=value encoding, and text beyond ASCII.
    String chosenSubjectId = cardId + ",cardId=forgé";
    CommandRejected rejected = SampleRecords.commandRejected(chosenSubjectId);
    try (TopicProbe audits = TopicProbe.fromBeginning(Topics.AUDIT_RECORDS.name());
        TestProducer producer = new TestProducer()) {
      // One key, so one partition: audited in this order.
      producer.publish(EVENTS, cardId.toString(), issued);
      producer.publish(EVENTS, cardId.toString(), rejected);

      AuditRecord first = audits.await(AuditRecord.class, a -> a.getSourceEventId().equals(eventIdOf(issued)));
      AuditRecord last = audits.await(AuditRecord.class, a -> a.getSourceEventId().equals(eventIdOf(rejected)));
      // From the record before the first, when there is one: the first's link is checked too.
      List<AuditRecord> chain = LongStream.rangeClosed(Math.max(1, first.getSequence() - 1), last.getSequence())
          .mapToObj(sequence -> audits.await(AuditRecord.class, a -> a.getSequence() == sequence))
          .toList();
      List<String> hashes = chain.stream().map(AuditRecord::getHash).toList();
      // What each record links to: the hash of the record before it, or zeros for the chain's first.
      List<String> hashesBefore = new ArrayList<>(hashes.subList(0, hashes.size() - 1));
      if (chain.getFirst().getSequence() == 1) {
        hashesBefore.addFirst(ZERO_HASH);
      }

      assertThat(last.getSubjectIds()).containsEntry("subjectId", chosenSubjectId);
      assertThat(last.getSourceOccurredAt()).isEqualTo(rejected.getMetadata().getOccurredAt());
      assertThat(chain).extracting(RecomputingFromTheTopicIT::recomputedHash).isEqualTo(hashes);
      assertThat(chain.subList(chain.size() - hashesBefore.size(), chain.size()))
          .extracting(AuditRecord::getPreviousHash).isEqualTo(hashesBefore);
    }
  }

  /** SHA-256 of the previous hash and the canonical form, every field of which the record carries. */
  private static String recomputedHash(AuditRecord record) {
    Metadata metadata = record.getMetadata();
    List<String> fields = new ArrayList<>(List.of(
        Long.toString(record.getSequence()),
        record.getChainId(),
        record.getSourceTopic(),
        Integer.toString(record.getSourcePartition()),
        Long.toString(record.getSourceOffset()),
        record.getSourceEventId().toString(),
        record.getEventType(),
        timestamp(record.getSourceOccurredAt()),
        timestamp(record.getRecordedAt()),
        metadata.getMode().name(),
        metadata.getActorClientId(),
        metadata.getRequestId(),
        Integer.toString(record.getSubjectIds().size())));
    new TreeMap<>(record.getSubjectIds()).forEach((key, value) -> {
      fields.add(key);
      fields.add(value);
    });
    fields.add(record.getPayload());

    MessageDigest sha256 = sha256();
    sha256.update(HexFormat.of().parseHex(record.getPreviousHash()));
    for (String field : fields) {
      byte[] utf8 = field.getBytes(UTF_8);
      sha256.update((utf8.length + ":").getBytes(US_ASCII));
      sha256.update(utf8);
      sha256.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform provides SHA-256", e);
    }
  }
}
