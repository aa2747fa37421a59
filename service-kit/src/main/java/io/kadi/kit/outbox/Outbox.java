package io.kadi.kit.outbox;

import io.kadi.kit.context.RecordMetadata;
import io.kadi.schemas.topics.KadiTopic;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends records to the outbox inside the caller's transaction. The record is serialized here, with the configured
 * Kafka value serializer, so what is committed is byte for byte what Kafka receives.
 *
 * <p>A transaction's records are inserted together, in one batch, just before it commits (while it still holds its
 * locks), and the relay is woken once it has committed. A consumer that handles a whole poll in one transaction thus
 * pays one round trip for its outbox, not one per record.
 */
public final class Outbox {

  private static final String INSERT = """
      insert into outbox (topic, record_key, record_value, event_type, event_id) values (?, ?, ?, ?, ?)""";

  private final JdbcOperations jdbc;
  private final Serializer<Object> serializer;
  private final OutboxRelay relay;

  public Outbox(JdbcOperations jdbc, Serializer<Object> serializer, OutboxRelay relay) {
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
    pending().add(new Object[] {topic.name(), key, value, record.getSchema().getFullName(), RecordMetadata.of(record).getEventId()});
  }

  /** The current transaction's records not inserted yet; the first append of a transaction registers their insert. */
  private List<Object[]> pending() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = (List<Object[]>) TransactionSynchronizationManager.getResource(this);
    if (rows == null) {
      List<Object[]> fresh = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(new Flush(fresh));
      return fresh;
    }
    return rows;
  }

  /** Inserts a transaction's records before it commits, and wakes the relay after. */
  private final class Flush implements TransactionSynchronization {

    private final List<Object[]> rows;

    Flush(List<Object[]> rows) {
      this.rows = rows;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      // A failure here rolls the transaction back, and the caller sees it: nothing commits without its records.
      jdbc.batchUpdate(INSERT, rows);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
      if (status == STATUS_COMMITTED) {
        relay.wakeUp();
      }
    }
  }
}
