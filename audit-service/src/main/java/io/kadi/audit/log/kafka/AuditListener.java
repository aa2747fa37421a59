package io.kadi.audit.log.kafka;

import io.kadi.audit.log.application.AppendOutcome.AlreadyInLog;
import io.kadi.audit.log.application.AppendOutcome.Appended;
import io.kadi.audit.log.application.AppendOutcome.EventIdReused;
import io.kadi.audit.log.application.AuditLog;
import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.LoggedEvent;
import io.kadi.kit.kafka.UnprocessableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Appends every record of the audited topics to the audit log. Records that are not Avro, that carry no Kadi
 * metadata, or that reuse the event id of another record in the log go to the dead-letter topic
 * {@code <topic>.audit-service.dlt} (the kit's error handler) and the consumer moves on.
 */
@Component
class AuditListener {

  private final AuditLog auditLog;

  AuditListener(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @KafkaListener(topics = "#{@auditedTopics.names()}")
  void audit(ConsumerRecord<String, Object> consumed) {
    AuditedRecord record = AuditedRecords.of(consumed);
    switch (auditLog.append(record)) {
      case Appended appended -> { }
      // A second copy of a record in the log, as at-least-once delivery brings: nothing to append.
      case AlreadyInLog copy -> { }
      case EventIdReused reused -> throw eventIdReused(record, reused.logged());
    }
  }

  /**
   * Skipped like a copy, the record would vanish from a tamper-evident log unseen. Dead-lettered, it is kept and
   * counted, and its producer can be told that it reused an event id.
   */
  private static UnprocessableRecordException eventIdReused(AuditedRecord record, LoggedEvent logged) {
    return new UnprocessableRecordException(
        "Cannot audit event %s (%s): its content differs from the entry at sequence %d (%s), which has the same event id"
            .formatted(record.eventId(), record.eventType(), logged.sequence(), logged.eventType()));
  }
}
