package io.kadi.audit.log.application;

import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.ChainEntry;
import io.kadi.events.audit.v1.AuditRecord;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.outbox.Outbox;
import io.kadi.schemas.topics.Topics;
import org.springframework.stereotype.Component;

/**
 * Publishes each entry to analysts as an {@link AuditRecord}, keyed by chain id so that the topic keeps the chain's
 * order. The record carries every input of the entry's hash, so the topic is a copy of the chain outside the database
 * that can be re-verified on its own.
 */
@Component
class AuditRecordPublisher {

  private final Outbox outbox;
  private final RecordMetadata metadata;

  AuditRecordPublisher(Outbox outbox, RecordMetadata metadata) {
    this.outbox = outbox;
    this.metadata = metadata;
  }

  /** Appends the entry's audit record to the outbox, in the transaction that appends the entry. */
  void publish(ChainEntry entry) {
    AuditedRecord audited = entry.record();
    outbox.append(Topics.AUDIT_RECORDS, entry.chainId(), AuditRecord.newBuilder()
        .setMetadata(metadata.stamp(causedBy(audited)))
        .setChainId(entry.chainId())
        .setSequence(entry.sequence())
        .setPreviousHash(entry.previousHash().hex())
        .setHash(entry.hash().hex())
        .setRecordedAt(entry.recordedAt())
        .setSourceTopic(audited.source().topic())
        .setSourcePartition(audited.source().partition())
        .setSourceOffset(audited.source().offset())
        .setSourceEventId(audited.eventId())
        .setEventType(audited.eventType())
        .setSourceOccurredAt(audited.occurredAt())
        .setSubjectIds(audited.subjectIds())
        .setPayload(audited.payload())
        .build());
  }

  /**
   * Same correlation, actor and mode as the audited record, and caused by it (as RequestContext.causedBy does). The
   * hash covers the audited record's request id, actor and mode, and this is where analysts find them.
   */
  private static RequestContext causedBy(AuditedRecord audited) {
    return new RequestContext(audited.requestId(), audited.actorClientId(), Mode.fromWireName(audited.mode()),
        audited.eventId().toString());
  }
}
