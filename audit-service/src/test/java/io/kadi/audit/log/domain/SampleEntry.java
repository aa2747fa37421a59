package io.kadi.audit.log.domain;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The fields of one chain entry, all fixed, any of them replaceable; the same entry as docs/audit-log.md's example. */
final class SampleEntry {

  long sequence = 1;
  String chainId = "kadi";
  Hash previousHash = Hash.ZERO;
  String topic = "kadi.card-events.v1";
  int partition = 3;
  long offset = 42;
  UUID eventId = UUID.fromString("0191e7a4-0000-7000-8000-000000000001");
  String eventType = "io.kadi.events.card.v1.CardFrozen";
  Instant occurredAt = Instant.parse("2026-03-01T09:15:30.123Z");
  Instant recordedAt = Instant.parse("2026-03-01T09:15:30.456789Z");
  String mode = "sandbox";
  String actorClientId = "client-1";
  String requestId = "req-1";
  Map<String, String> subjectIds = Map.of("cardId", "0191e7a4-0000-7000-8000-00000000000c");
  String payload = "{\"metadata\":{\"eventId\":\"0191e7a4-0000-7000-8000-000000000001\"},"
      + "\"cardId\":\"0191e7a4-0000-7000-8000-00000000000c\",\"reason\":{\"string\":\"carte égarée\"}}";

  AuditedRecord record() {
    return new AuditedRecord(eventId, eventType, new SourcePosition(topic, partition, offset), occurredAt, mode,
        actorClientId, requestId, new TreeMap<>(subjectIds), payload);
  }

  /** Appended after a head that makes it the entry with these sequence, chain and previous hash. */
  ChainEntry entry() {
    return ChainEntry.following(new ChainHead(chainId, sequence - 1, previousHash), record(), recordedAt);
  }
}
