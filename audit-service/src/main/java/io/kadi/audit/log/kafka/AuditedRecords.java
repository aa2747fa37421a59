package io.kadi.audit.log.kafka;

import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.SourcePosition;
import io.kadi.kit.context.Mode;
import io.kadi.kit.kafka.UnprocessableRecordException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Reads a consumed record generically, with its writer's schema, so that every Kadi record can be audited, including
 * types this build has no class for. All it needs is the Kadi metadata every record carries.
 */
final class AuditedRecords {

  private static final LogAccessor LOG = new LogAccessor(AuditedRecords.class);

  private AuditedRecords() {}

  /**
   * @throws DeserializationException when the record could not be read (the error handler tells a registry that was
   *     unavailable, to retry, from bytes that are no Kadi record, to dead-letter with the bytes as they were)
   * @throws UnprocessableRecordException when the record carries no Kadi metadata: no retry could audit it
   */
  static AuditedRecord of(ConsumerRecord<?, ?> consumed) {
    DeserializationException unreadable =
        SerializationUtils.getExceptionFromHeader(consumed, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
    if (unreadable != null) {
      throw unreadable;
    }
    if (!(consumed.value() instanceof GenericRecord record)) {
      throw new UnprocessableRecordException("Cannot audit a record of " + consumed.topic() + " that is not an Avro record");
    }
    KadiMetadata metadata = KadiMetadata.of(record);
    return new AuditedRecord(metadata.eventId(), record.getSchema().getFullName(),
        new SourcePosition(consumed.topic(), consumed.partition(), consumed.offset()),
        metadata.occurredAt(), metadata.mode(), metadata.actorClientId(), metadata.requestId(), subjectIds(record),
        json(record));
  }

  /** The record's top-level string fields named *Id: what it is about. The metadata's ids, a level down, are not. */
  private static SortedMap<String, String> subjectIds(GenericRecord record) {
    SortedMap<String, String> ids = new TreeMap<>();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      if (field.name().endsWith("Id") && value != null && holdsStrings(field.schema())) {
        ids.put(field.name(), value.toString());
      }
    }
    return ids;
  }

  /** A string (a uuid is a string), or a union with a string branch, such as an optional id. */
  private static boolean holdsStrings(Schema schema) {
    return switch (schema.getType()) {
      case STRING -> true;
      case UNION -> schema.getTypes().stream().anyMatch(branch -> branch.getType() == Schema.Type.STRING);
      default -> false;
    };
  }

  /** Avro's own JSON encoding, with the writer's schema: the record as published, readable by any Avro library. */
  private static String json(GenericRecord record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      JsonEncoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), out);
      new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fields of io.kadi.events.common.v1.Metadata the log keeps, read from whatever version the writer used. */
  private record KadiMetadata(UUID eventId, Instant occurredAt, String requestId, String actorClientId, String mode) {

    static KadiMetadata of(GenericRecord record) {
      if (!(field(record, "metadata") instanceof GenericRecord metadata) || field(metadata, "eventId") == null) {
        throw unauditable(record, "it carries no Kadi metadata (a metadata field with an eventId)");
      }
      try {
        return new KadiMetadata(
            UUID.fromString(text(metadata, "eventId")),
            occurredAt(metadata),
            text(metadata, "requestId"),
            text(metadata, "actorClientId"),
            Mode.fromWireName(text(metadata, "mode")).wireName());
      } catch (IllegalArgumentException e) {
        throw unauditable(record, "its Kadi metadata is invalid: " + e.getMessage());
      }
    }

    private static Instant occurredAt(GenericRecord metadata) {
      if (!(field(metadata, "occurredAt") instanceof Long millis)) {
        throw new IllegalArgumentException("occurredAt is not a timestamp-millis");
      }
      return Instant.ofEpochMilli(millis);
    }

    private static String text(GenericRecord metadata, String name) {
      Object value = field(metadata, name);
      if (value == null) {
        throw new IllegalArgumentException(name + " is missing");
      }
      return value.toString();
    }

    private static Object field(GenericRecord record, String name) {
      return record.hasField(name) ? record.get(name) : null;
    }

    private static UnprocessableRecordException unauditable(GenericRecord record, String why) {
      return new UnprocessableRecordException("Cannot audit " + record.getSchema().getFullName() + ": " + why);
    }
  }
}
