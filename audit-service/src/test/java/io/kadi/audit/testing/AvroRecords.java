package io.kadi.audit.testing;

import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.schemas.serde.KadiAvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Avro as a consumer without Kadi's classes sees it: generic records, the JSON encoding, the wire format. */
public final class AvroRecords {

  /** A record type published after this build: it carries the Kadi metadata, and no class of it exists here. */
  public static final Schema CARD_NICKNAMED = SchemaBuilder.record("CardNicknamed").namespace("io.kadi.events.card.v9")
      .fields()
      .name("metadata").type(Metadata.getClassSchema()).noDefault()
      .name("cardId").type(LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING))).noDefault()
      .name("nickname").type().stringType().noDefault()
      .endRecord();

  /** A record that is Avro but not Kadi's: no metadata. */
  public static final Schema ANONYMOUS_NOTE = SchemaBuilder.record("AnonymousNote").namespace("io.kadi.events.card.v9")
      .fields()
      .name("cardId").type().stringType().noDefault()
      .endRecord();

  private AvroRecords() {}

  /** The record as a reader with only its writer's schema decodes it. */
  public static GenericRecord generic(SpecificRecord record) {
    byte[] binary = binary(record);
    try {
      return new GenericDatumReader<GenericRecord>(record.getSchema())
          .read(null, DecoderFactory.get().binaryDecoder(binary, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Avro's JSON encoding of the record, with its own schema. */
  public static String json(GenericContainer record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      JsonEncoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), out);
      writerFor(record).write(record, encoder);
      encoder.flush();
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record in the Confluent wire format, its schema registered in the tests' registry. */
  public static byte[] wireFormat(String topic, GenericRecord record) {
    try (KadiAvroSerializer serializer = new KadiAvroSerializer()) {
      serializer.configure(Map.of("schema.registry.url", KadiTestInfrastructure.SCHEMA_REGISTRY_URL), false);
      return serializer.serialize(topic, record);
    }
  }

  private static byte[] binary(GenericContainer record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      writerFor(record).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DatumWriter<Object> writerFor(GenericContainer record) {
    return record instanceof SpecificRecord
        ? new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForClass(record.getClass()))
        : new GenericDatumWriter<>(record.getSchema(), GenericData.get());
  }
}
