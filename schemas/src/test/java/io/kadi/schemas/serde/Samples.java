package io.kadi.schemas.serde;

import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CardType;
import io.kadi.events.common.v1.Metadata;
import io.kadi.events.common.v1.Mode;
import java.time.Instant;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

final class Samples {

  private Samples() {}

  static Metadata metadata() {
    return Metadata.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setRequestId("req-1")
        .setCausationId(null)
        .setActorClientId("client-1")
        .setMode(Mode.sandbox)
        .build();
  }

  /** Metadata as a generic record, holding Avro's raw types (a string uuid, epoch milliseconds). */
  static GenericRecord genericMetadata() {
    GenericRecord metadata = new GenericData.Record(Metadata.getClassSchema());
    metadata.put("eventId", UUID.randomUUID().toString());
    metadata.put("occurredAt", Instant.now().toEpochMilli());
    metadata.put("requestId", "req-1");
    metadata.put("actorClientId", "client-1");
    metadata.put("mode", new GenericData.EnumSymbol(Mode.getClassSchema(), "sandbox"));
    return metadata;
  }

  static CardIssued cardIssued() {
    return CardIssued.newBuilder()
        .setMetadata(metadata())
        .setCardId(UUID.randomUUID())
        .setCardholderId(UUID.randomUUID())
        .setType(CardType.virtual)
        .setCurrency("NGN")
        .setBin("506099")
        .setLast4("4242")
        .setExpMonth(11)
        .setExpYear(2029)
        .build();
  }
}
