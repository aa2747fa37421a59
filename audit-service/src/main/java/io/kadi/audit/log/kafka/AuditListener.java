package io.kadi.audit.log.kafka;

import io.kadi.audit.log.application.AppendOutcome;
import io.kadi.audit.log.application.AppendOutcome.EventIdReused;
import io.kadi.audit.log.application.AuditLog;
import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.LoggedEvent;
import io.kadi.kit.kafka.UnprocessableRecordException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Appends every record of the audited topics to the audit log, a poll at a time: the records of one poll are appended
 * in one transaction, which takes the chain's head once (the log is one chain, so appends are serial, and a
 * transaction per record would cap the log at the rate of commits).
 *
 * <p>Records that are not Avro, that carry no Kadi metadata, or that reuse the event id of another record in the log
 * go to the dead-letter topic {@code <topic>.audit-service.dlt} (the kit's error handler) and the consumer moves on.
 * The records before such a record are appended first, and those after it are delivered again. When the
 * transaction fails for another reason, the poll is appended again one record at a time, so that the error handler
 * retries, or in the end dead-letters, the record that fails and not its neighbours.
 */
@Component
class AuditListener {

  private final AuditLog auditLog;

  AuditListener(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @KafkaListener(topics = "#{@auditedTopics.names()}", batch = "true")
  void audit(List<ConsumerRecord<String, Object>> consumed) {
    List<AuditedRecord> records = new ArrayList<>(consumed.size());
    RuntimeException unreadable = null;
    for (ConsumerRecord<String, Object> record : consumed) {
      try {
        records.add(AuditedRecords.of(record));
      } catch (RuntimeException e) {
        unreadable = e;
        break;
      }
    }
    appendAll(records);
    if (unreadable != null) {
      throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, records.size());
    }
  }

  private void appendAll(List<AuditedRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    List<AppendOutcome> outcomes;
    try {
      outcomes = auditLog.appendAll(records);
    } catch (RuntimeException failure) {
      appendOneByOne(records);
      return;
    }
    if (!outcomes.isEmpty() && outcomes.getLast() instanceof EventIdReused reused) {
      int at = outcomes.size() - 1;
      throw new BatchListenerFailedException("Event id reused", eventIdReused(records.get(at), reused.logged()), at);
    }
  }

  /** Each record in a transaction of its own, up to the first that fails: the error handler takes it from there. */
  private void appendOneByOne(List<AuditedRecord> records) {
    for (int i = 0; i < records.size(); i++) {
      AuditedRecord record = records.get(i);
      AppendOutcome outcome;
      try {
        outcome = auditLog.append(record);
      } catch (RuntimeException failure) {
        throw new BatchListenerFailedException(failure.getMessage(), failure, i);
      }
      if (outcome instanceof EventIdReused reused) {
        throw new BatchListenerFailedException("Event id reused", eventIdReused(record, reused.logged()), i);
      }
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
