package io.kadi.schemas.topics;

import org.apache.avro.Schema;

/** Subject naming: Confluent's TopicRecordNameStrategy, {@code <topic>-<record full name>}. */
public final class Subjects {

  private Subjects() {}

  public static String topicRecordName(String topic, Schema schema) {
    return topic + "-" + schema.getFullName();
  }
}
