package io.kadi.audit.log.domain;

import java.util.Objects;

/**
 * The entry the log holds under an event id, as much of it as telling a second copy of its record from another record
 * that reuses the id needs.
 *
 * @param eventType full Avro name of the entry's record
 * @param payload the entry's record in Avro's JSON encoding with its writer's schema, as appended
 */
public record LoggedEvent(long sequence, String eventType, String payload) {

  public LoggedEvent {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(payload, "payload");
  }

  /**
   * Whether the record is this entry's record again, as a Kafka redelivery or an at-least-once relay's second copy
   * is. Where it was read does not count: a republished copy sits at another offset. Everything else an entry keeps
   * (metadata, subject ids) is read from the payload, and the type is compared too, since records of two types can
   * have the same JSON encoding.
   */
  public boolean isSameRecordAs(AuditedRecord record) {
    return eventType.equals(record.eventType()) && payload.equals(record.payload());
  }
}
