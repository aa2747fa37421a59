package io.kadi.kit.context;

import io.kadi.events.common.v1.Metadata;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Stamps and reads the {@link Metadata} every Kadi record carries in its {@code metadata} field. */
public final class RecordMetadata {

  private final Clock clock;

  public RecordMetadata(Clock clock) {
    this.clock = clock;
  }

  /** Metadata for a new record written in this context: a fresh event id, the time now. */
  public Metadata stamp(RequestContext context) {
    return Metadata.newBuilder()
        .setEventId(Ids.newId())
        .setOccurredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .setRequestId(context.requestId())
        .setCausationId(context.causationId())
        .setActorClientId(context.actorClientId())
        .setMode(context.mode().toAvro())
        .build();
  }

  /** The metadata of a Kadi record. */
  public static Metadata of(SpecificRecord record) {
    Schema.Field field = record.getSchema().getField("metadata");
    if (field == null || !(record.get(field.pos()) instanceof Metadata metadata)) {
      throw new IllegalArgumentException(record.getSchema().getFullName() + " carries no Kadi metadata");
    }
    return metadata;
  }
}
