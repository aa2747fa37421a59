package io.kadi.schemas.serde;

import io.kadi.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format. The writer's schema comes from the registry by id. With
 * {@code specific.avro.reader=true} a record of a type in Kadi's topic catalogue is read into its generated class
 * (resolving the writer's schema against the class's), and any other record as a
 * {@link org.apache.avro.generic.GenericRecord}; otherwise every record is read generically with the writer's schema.
 */
public class KadiAvroDeserializer implements Deserializer<Object> {

  private AvroSerdeConfig config;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs, isKey);
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new SerializationException("KadiAvroDeserializer used before configure()");
    }
    int id = WireFormat.schemaId(data);
    try {
      DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
      return reader.read(null, DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
    } catch (SchemaRegistryException e) {
      throw e.registryUnavailable()
          ? new SchemaRegistryUnavailableException("Schema registry unavailable for schema id " + id + " (" + topic + "): " + e.getMessage(), e)
          : new SerializationException("Could not deserialize a record with schema id " + id + " from " + topic + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Could not deserialize a record with schema id " + id + " from " + topic + ": " + e.getMessage(), e);
    }
  }

  private DatumReader<Object> readerFor(int id) {
    Schema writer = config.registry().schemaById(id);
    Optional<Class<? extends SpecificRecord>> type = config.specificAvroReader()
        ? CatalogueRecordTypes.byFullName(writer.getFullName())
        : Optional.empty();
    if (type.isPresent()) {
      SpecificData model = SpecificData.getForClass(type.get());
      return new SpecificDatumReader<>(writer, model.getSchema(type.get()), model);
    }
    return new GenericDatumReader<>(writer, writer, GenericData.get());
  }
}
