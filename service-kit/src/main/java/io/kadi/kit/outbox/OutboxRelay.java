package io.kadi.kit.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox records to Kafka and deletes them once acknowledged.
 *
 * <p>A commit wakes the relay at once, so the happy path has no polling delay; a periodic sweep catches whatever no
 * commit announced (records of a crashed instance, failed sends). Instances take turns through a transaction-scoped
 * advisory lock on the outbox table, and each turn publishes in id order, so records of one key leave in the order
 * they were committed. Delivery is at least once: a crash between Kafka's acknowledgement and the delete publishes
 * a record again, with the same event id, and consumers de-duplicate on it (see {@code Inbox}).
 *
 * <p>A record Kafka refuses for good (too large, an invalid topic) is moved to {@code outbox_parked} and logged,
 * so that it does not block every record behind it; the records of its key after it go on without it.
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration LOCK_BUSY_PAUSE = Duration.ofMillis(10);
  private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Supplier<Producer<String, byte[]>> producers;
  private final OutboxProperties properties;
  private final Semaphore wakeUps = new Semaphore(0);
  private volatile Producer<String, byte[]> producer;
  private volatile CountDownLatch stopped;
  private volatile boolean running;
  private Thread thread;
  private long lockKey;

  /**
   * @param producers makes the relay's producer at each start: a relay can be stopped and started again (a paused
   *     test context is), and a closed producer cannot be reopened
   */
  public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, Supplier<Producer<String, byte[]>> producers,
      OutboxProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.producers = producers;
    this.properties = properties;
  }

  /**
   * A relay with its own producer, configured like the service's producers (acks=all, idempotence) but sending the
   * stored bytes as they are, and bounding every wait by the send timeout so that a Kafka outage never holds the
   * relay's transaction open for longer.
   */
  public static OutboxRelay create(JdbcClient jdbc, TransactionTemplate transactions, Map<String, Object> producerProperties,
      OutboxProperties properties, String clientId) {
    Map<String, Object> producer = new HashMap<>(producerProperties);
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    int sendTimeout = (int) properties.sendTimeout().toMillis();
    producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout);
    producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, sendTimeout / 2);
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout);
    return new OutboxRelay(jdbc, transactions, () -> new KafkaProducer<>(producer), properties);
  }

  /** Asks the relay to publish now. Cheap, and safe to call from any thread. */
  public void wakeUp() {
    wakeUps.release();
  }

  @Override
  public void start() {
    // The lock is the outbox table's own oid, so services sharing a database never wait for each other.
    lockKey = jdbc.sql("select 'outbox'::regclass::oid::bigint").query(Long.class).single();
    producer = producers.get();
    stopped = new CountDownLatch(1);
    running = true;
    thread = Thread.ofPlatform().name("kadi-outbox-relay").daemon().start(this::run);
  }

  @Override
  public void stop() {
    if (thread == null) {
      return;
    }
    running = false;
    stopped.countDown();
    wakeUps.release();
    try {
      thread.join(properties.sendTimeout().plusSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
    thread = null;
  }

  /** Starts before, and stops after, the web server and the Kafka listeners, so that what they commit gets out. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 4096;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    Duration backoff = INITIAL_BACKOFF;
    while (running) {
      try {
        // Publish first: on start, that is whatever a crashed predecessor left behind.
        relayAll();
        backoff = INITIAL_BACKOFF;
        wakeUps.tryAcquire(properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Outbox relay failed; the records stay in the outbox and are retried in {} ms", backoff.toMillis(), e);
        pause(backoff);
        backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
      }
    }
    try {
      relayAll(); // what was committed while stopping
    } catch (InterruptedException | RuntimeException e) {
      log.info("Outbox records left unpublished at shutdown are published on the next start: {}", e.getMessage());
    }
  }

  private void relayAll() throws InterruptedException {
    int busyTurns = 0;
    while (true) {
      Turn turn = transactions.execute(status -> relayBatch());
      if (turn.lockBusy()) {
        // Another instance is publishing. It may have read the outbox just before our commit, so look again
        // shortly rather than leave our records to the next sweep.
        if (++busyTurns * LOCK_BUSY_PAUSE.toMillis() > properties.sweepInterval().toMillis()) {
          return;
        }
        Thread.sleep(LOCK_BUSY_PAUSE);
      } else if (turn.failure() != null) {
        throw turn.failure(); // after the turn committed what it did publish
      } else if (turn.read() < properties.batchSize()) {
        return;
      }
    }
  }

  /**
   * One turn: publishes a batch in id order, then, walking the batch in that order, deletes what Kafka acknowledged
   * and parks what Kafka refused for good, up to the first record whose send failed otherwise. That one and all after
   * it stay, to be sent again in the same order.
   */
  private Turn relayBatch() {
    if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(lockKey).query(Boolean.class).single()) {
      return Turn.LOCK_BUSY;
    }
    // The turn only deletes what Kafka has acknowledged. Should a crash of PostgreSQL lose its commit, those records
    // are published again, which at-least-once delivery allows; so the turn need not wait for its WAL flush, which
    // would otherwise delay the records committed meanwhile, on every hop.
    jdbc.sql("set local synchronous_commit = off").update();
    List<PendingRecord> batch = jdbc.sql("select id, topic, record_key, record_value from outbox order by id limit ?")
        .param(properties.batchSize())
        .query(PendingRecord.class)
        .list();
    List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
    for (PendingRecord record : batch) {
      sends.add(producer.send(new ProducerRecord<>(record.topic(), record.recordKey(), record.recordValue())));
    }
    List<Long> published = new ArrayList<>();
    RuntimeException failure = null;
    long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
    for (int i = 0; i < batch.size() && failure == null; i++) {
      PendingRecord record = batch.get(i);
      try {
        sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        published.add(record.id());
      } catch (ExecutionException e) {
        if (refusedForGood(e.getCause())) {
          park(record, e.getCause());
        } else {
          failure = new IllegalStateException("Kafka did not take outbox record " + record.id() + ": " + e.getCause(), e.getCause());
        }
      } catch (TimeoutException e) {
        failure = new IllegalStateException("Kafka did not acknowledge outbox record " + record.id() + " in time", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("Interrupted while publishing the outbox", e);
      }
    }
    if (!published.isEmpty()) {
      jdbc.sql("delete from outbox where id = any(?)").param(published.toArray(Long[]::new)).update();
    }
    return new Turn(false, batch.size(), failure);
  }

  /** Kafka will never take it as it is: sending it again would only block the records behind it. */
  private static boolean refusedForGood(Throwable failure) {
    return failure instanceof RecordTooLargeException
        || failure instanceof RecordBatchTooLargeException
        || failure instanceof InvalidTopicException
        || failure instanceof InvalidRecordException;
  }

  private void park(PendingRecord record, Throwable reason) {
    log.error("Kafka refused outbox record {} ({} bytes, key {}, topic {}) for good: {}. It is parked in outbox_parked; "
        + "the records behind it go on.", record.id(), record.recordValue().length, record.recordKey(), record.topic(), reason.toString());
    jdbc.sql("""
            insert into outbox_parked (id, topic, record_key, record_value, event_type, event_id, created_at, reason)
            select id, topic, record_key, record_value, event_type, event_id, created_at, ? from outbox where id = ?""")
        .params(reason.toString(), record.id())
        .update();
    jdbc.sql("delete from outbox where id = ?").param(record.id()).update();
  }

  /** Waits out a backoff, unless the relay is stopped meanwhile. */
  private void pause(Duration duration) {
    try {
      stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  record PendingRecord(long id, String topic, String recordKey, byte[] recordValue) {}

  /** What a turn came to: the lock was busy, or it read a batch, and maybe stopped at a failure. */
  private record Turn(boolean lockBusy, int read, RuntimeException failure) {
    static final Turn LOCK_BUSY = new Turn(true, 0, null);
  }
}
