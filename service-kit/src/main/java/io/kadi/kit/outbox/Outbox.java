package io.kadi.kit.outbox;

import io.kadi.kit.context.RecordMetadata;
import io.kadi.schemas.topics.KadiTopic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends records to the outbox inside the caller's transaction. The record is serialized here, with the configured
 * Kafka value serializer, so what is committed is byte for byte what Kafka receives.
 */
public final class Outbox {

  private final JdbcClient jdbc;
  private final Serializer<Object> serializer;
  private final OutboxRelay relay;

  public Outbox(JdbcClient jdbc, Serializer<Object> serializer, OutboxRelay relay) {
    this.jdbc = jdbc;
    this.serializer = serializer;
    this.relay = relay;
  }

  /**
   * Stores the record for publication to the topic under the key once the current transaction commits. Records of
   * one key are published in the order they were appended, provided they were appended under a lock on that key's
   * state (the card's row, say), which is how every aggregate is changed anyway.
   *
   * @throws IllegalStateException outside a transaction: an outbox record must commit with its state change
   */
  public void append(KadiTopic topic, String key, SpecificRecord record) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Outbox.append must run inside the transaction that makes the change it reports");
    }
    if (!topic.carries(record.getClass())) {
      throw new IllegalArgumentException(topic.name() + " does not carry " + record.getSchema().getFullName());
    }
    byte[] value = serializer.serialize(topic.name(), record);
    jdbc.sql("""
            insert into outbox (topic, record_key, record_value, event_type, event_id)
            values (:topic, :key, :value, :type, :eventId)""")
        .param("topic", topic.name())
        .param("key", key)
        .param("value", value)
        .param("type", record.getSchema().getFullName())
        .param("eventId", RecordMetadata.of(record).getEventId())
        .update();
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        relay.wakeUp();
      }
    });
  }
}
