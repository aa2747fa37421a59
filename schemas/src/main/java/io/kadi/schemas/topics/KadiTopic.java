package io.kadi.schemas.topics;

import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic of Kadi's: its name, what its record key is, and the Avro record types it carries.
 * Keys are always strings; several record types share a topic (TopicRecordNameStrategy subjects).
 */
public record KadiTopic(String name, String keyedBy, List<Class<? extends SpecificRecord>> valueTypes) {

  public KadiTopic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyedBy, "keyedBy");
    valueTypes = List.copyOf(valueTypes);
  }

  public boolean carries(Class<? extends SpecificRecord> type) {
    return valueTypes.contains(type);
  }

  public List<Schema> valueSchemas() {
    return valueTypes.stream().map(type -> SpecificData.get().getSchema(type)).toList();
  }

  /** The subject a value schema is registered under (Confluent's TopicRecordNameStrategy). */
  public String subjectFor(Schema valueSchema) {
    return Subjects.topicRecordName(name, valueSchema);
  }

  /**
   * Where a consumer group parks the records of this topic that it cannot process. One dead-letter topic per
   * (topic, group), so that an operator knows which consumer failed and can replay to it alone.
   */
  public String deadLetterTopic(String consumerGroup) {
    return deadLetterTopic(name, consumerGroup);
  }

  public static String deadLetterTopic(String topic, String consumerGroup) {
    return topic + "." + consumerGroup + ".dlt";
  }
}
