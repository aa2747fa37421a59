package io.kadi.audit.log.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A published Kadi record, as the log keeps it: its metadata, where it was read, the ids it is about, and the whole
 * record as text.
 *
 * @param eventType full Avro name of the record
 * @param subjectIds the record's top-level string fields named {@code *Id}, by field name
 * @param payload the record in Avro's JSON encoding with its writer's schema
 */
public record AuditedRecord(UUID eventId, String eventType, SourcePosition source, Instant occurredAt, String mode,
    String actorClientId, String requestId, SortedMap<String, String> subjectIds, String payload) {

  public AuditedRecord {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(actorClientId, "actorClientId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(payload, "payload");
    // What is hashed must be what PostgreSQL stores, and timestamptz keeps microseconds.
    occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
    // Natural order whatever the given map's comparator: the canonical form lists the ids in this map's order.
    TreeMap<String, String> inKeyOrder = new TreeMap<>();
    inKeyOrder.putAll(Objects.requireNonNull(subjectIds, "subjectIds"));
    subjectIds = Collections.unmodifiableSortedMap(inKeyOrder);
  }
}
