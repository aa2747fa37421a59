package io.kadi.audit.log.kafka;

import io.kadi.audit.log.application.AuditLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Appends every record of the audited topics to the audit log. Records that are not Avro, or that carry no Kadi
 * metadata, go to the dead-letter topic {@code <topic>.audit-service.dlt} (the kit's error handler) and the
 * consumer moves on.
 */
@Component
class AuditListener {

  private final AuditLog auditLog;

  AuditListener(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @KafkaListener(topics = "#{@auditedTopics.names()}")
  void audit(ConsumerRecord<String, Object> record) {
    auditLog.append(AuditedRecords.of(record));
  }
}
