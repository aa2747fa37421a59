package io.kadi.schemas.serde;

import io.kadi.schemas.registry.SchemaRegistryException;
import io.kadi.schemas.topics.Subjects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in the Confluent wire format. The subject is
 * {@code <topic>-<record full name>}. With {@code auto.register.schemas=false} the schema must already be
 * registered under that subject, which is how production registries are usually run.
 */
public class KadiAvroSerializer implements Serializer<Object> {

  private AvroSerdeConfig config;
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  /** Ids never change in a registry; asking for one again would print the schema to JSON on every record. */
  private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {}

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs, isKey);
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof GenericContainer record)) {
      throw new SerializationException("Kadi's Avro serializer writes Avro records, not " + data.getClass().getName());
    }
    if (config == null) {
      throw new SerializationException("KadiAvroSerializer used before configure()");
    }
    Schema schema = record.getSchema();
    String subject = Subjects.topicRecordName(topic, schema);
    try {
      int id = idOf(subject, schema);
      ByteArrayOutputStream out = new ByteArrayOutputStream(128);
      out.write(WireFormat.MAGIC_BYTE);
      out.write(ByteBuffer.allocate(4).putInt(id).array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writerFor(record).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (SerializationException e) {
      throw e;
    } catch (SchemaRegistryException e) {
      throw e.registryUnavailable()
          ? new SchemaRegistryUnavailableException("Schema registry unavailable while serializing " + schema.getFullName() + ": " + e.getMessage(), e)
          : new SerializationException("Could not serialize " + schema.getFullName() + " for subject " + subject + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Could not serialize " + schema.getFullName() + " for subject " + subject + ": " + e.getMessage(), e);
    }
  }

  private int idOf(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer known = ids.get(key);
    if (known != null) {
      return known;
    }
    int id = config.autoRegisterSchemas() ? config.registry().register(subject, schema) : config.registry().idOf(subject, schema);
    ids.put(key, id);
    return id;
  }

  private DatumWriter<Object> writerFor(GenericContainer record) {
    return writers.computeIfAbsent(record.getSchema(), schema -> record instanceof SpecificRecord
        ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass()))
        : new GenericDatumWriter<>(schema, GenericData.get()));
  }
}
