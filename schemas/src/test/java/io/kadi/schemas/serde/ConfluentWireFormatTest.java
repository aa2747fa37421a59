package io.kadi.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.events.card.v1.CardFrozen;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.schemas.registry.InMemorySchemaRegistry;
import io.kadi.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

  private static final String TOPIC = Topics.CARD_EVENTS.name();
  private final String scope = "wire-" + UUID.randomUUID();

  @AfterEach
  void dropRegistry() {
    InMemorySchemaRegistry.dropScope(scope);
  }

  @Test
  void writesMagicByteSchemaIdAndAvroBinaryUnderTheTopicRecordNameSubject() {
    CardIssued event = Samples.cardIssued();

    byte[] bytes = serializer(Map.of()).serialize(TOPIC, event);

    int id = InMemorySchemaRegistry.scope(scope).idOf(TOPIC + "-io.kadi.events.card.v1.CardIssued", CardIssued.getClassSchema());
    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
    assertThat(deserializer(Map.of("specific.avro.reader", "true")).deserialize(TOPIC, bytes)).isEqualTo(event);
  }

  @Test
  void readsGenericRecordsWithTheWritersSchemaByDefault() {
    CardIssued event = Samples.cardIssued();
    byte[] bytes = serializer(Map.of()).serialize(TOPIC, event);

    Object read = deserializer(Map.of()).deserialize(TOPIC, bytes);

    assertThat(read).isInstanceOf(GenericRecord.class);
    GenericRecord record = (GenericRecord) read;
    assertThat(record.getSchema().getFullName()).isEqualTo("io.kadi.events.card.v1.CardIssued");
    assertThat(record.get("cardId").toString()).isEqualTo(event.getCardId().toString());
    assertThat(record.get("last4").toString()).isEqualTo("4242");
  }

  @Test
  void readsDataWrittenWithAnOlderSchemaIntoTheCurrentClass() {
    Schema v0 = SchemaBuilder.record("CardFrozen").namespace("io.kadi.events.card.v1").fields()
        .name("metadata").type(CardFrozen.getClassSchema().getField("metadata").schema()).noDefault()
        .name("cardId").type(CardFrozen.getClassSchema().getField("cardId").schema()).noDefault()
        .endRecord();
    UUID cardId = UUID.randomUUID();
    GenericRecord old = new GenericData.Record(v0);
    old.put("metadata", Samples.genericMetadata());
    old.put("cardId", cardId.toString());
    byte[] bytes = serializer(Map.of()).serialize(TOPIC, old);

    Object read = deserializer(Map.of("specific.avro.reader", "true")).deserialize(TOPIC, bytes);

    assertThat(read).isInstanceOfSatisfying(CardFrozen.class, frozen -> {
      assertThat(frozen.getCardId()).isEqualTo(cardId);
      assertThat(frozen.getReason()).isNull();
    });
  }

  @Test
  void readsRecordTypesItHasNoClassForAsGenericRecords() {
    Schema unknown = SchemaBuilder.record("CardExploded").namespace("io.kadi.events.card.v9").fields()
        .requiredString("cardId").endRecord();
    GenericRecord record = new GenericData.Record(unknown);
    record.put("cardId", "c-1");
    byte[] bytes = serializer(Map.of()).serialize(TOPIC, record);

    Object read = deserializer(Map.of("specific.avro.reader", "true")).deserialize(TOPIC, bytes);

    assertThat(read).isInstanceOfSatisfying(GenericRecord.class, r -> assertThat(r.get("cardId").toString()).isEqualTo("c-1"));
  }

  @Test
  void refusesBytesThatAreNotInTheWireFormat() {
    var deserializer = deserializer(Map.of());

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, "{\"not\":\"avro\"}".getBytes()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("shorter than the header");
  }

  @Test
  void refusesAnUnknownSchemaId() {
    byte[] bytes = {0, 0, 0, 0x7f, 0x7f, 2, 'x'};

    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id 32639");
  }

  @Test
  void tellsAnUnavailableRegistryFromARecordThatCannotBeRead() {
    byte[] bytes = serializer(Map.of()).serialize(TOPIC, Samples.cardIssued());
    KadiAvroSerializer unreachableSerializer = new KadiAvroSerializer();
    unreachableSerializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:1"), false);
    KadiAvroDeserializer unreachableDeserializer = new KadiAvroDeserializer();
    unreachableDeserializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:1"), false);

    assertThatThrownBy(() -> unreachableSerializer.serialize(TOPIC, Samples.cardIssued()))
        .isInstanceOf(SchemaRegistryUnavailableException.class);
    assertThatThrownBy(() -> unreachableDeserializer.deserialize(TOPIC, bytes))
        .isInstanceOf(SchemaRegistryUnavailableException.class);
    assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, new byte[] {0, 0, 0, 0x7f, 0x7f, 2}))
        .isInstanceOf(SerializationException.class).isNotInstanceOf(SchemaRegistryUnavailableException.class);
  }

  @Test
  void refusesTruncatedAvroBinary() {
    byte[] bytes = serializer(Map.of()).serialize(TOPIC, Samples.cardIssued());
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 10);

    assertThatThrownBy(() -> deserializer(Map.of("specific.avro.reader", "true")).deserialize(TOPIC, truncated))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void withoutAutoRegistrationASchemaMustAlreadyBeRegistered() {
    var serializer = serializer(Map.of("auto.register.schemas", "false"));
    CardIssued event = Samples.cardIssued();

    assertThatThrownBy(() -> serializer.serialize(TOPIC, event))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("kadi.card-events.v1-io.kadi.events.card.v1.CardIssued");

    InMemorySchemaRegistry.scope(scope).register(TOPIC + "-io.kadi.events.card.v1.CardIssued", CardIssued.getClassSchema());
    assertThat(serializer.serialize(TOPIC, event)).isNotEmpty();
  }

  @Test
  void configurationUsesConfluentsKeysAndRefusesWhatItDoesNotImplement() {
    assertThatThrownBy(() -> new KadiAvroSerializer().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> serializer(Map.of("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicNameStrategy")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("TopicRecordNameStrategy");
    assertThat(serializer(Map.of("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
        .serialize(TOPIC, Samples.cardIssued())).isNotEmpty();
  }

  @Test
  void refusesObjectsThatAreNotAvroRecords() {
    assertThatThrownBy(() -> serializer(Map.of()).serialize(TOPIC, "a string"))
        .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.String");
  }

  private KadiAvroSerializer serializer(Map<String, String> extra) {
    KadiAvroSerializer serializer = new KadiAvroSerializer();
    serializer.configure(config(extra), false);
    return serializer;
  }

  private KadiAvroDeserializer deserializer(Map<String, String> extra) {
    KadiAvroDeserializer deserializer = new KadiAvroDeserializer();
    deserializer.configure(config(extra), false);
    return deserializer;
  }

  private Map<String, Object> config(Map<String, String> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put("schema.registry.url", "mock://" + scope);
    return config;
  }
}
