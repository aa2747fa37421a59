package io.kadi.localstack.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The transport floor: what Kafka alone costs the authorization path, measured on the stack's own broker. A
 * producer sends records of AuthorizationRequested's size to {@value #FIRST_HOP}; a relay consumes each and sends a
 * record of a result's size to {@value #SECOND_HOP}; a receiver consumes those. The pipeline has the same two hops
 * (card-service to limits and risk, and back) and the same clients' settings, so it cannot answer faster than this
 * unless it skips Kafka. Records carry their due time and number, and are keyed like the pipeline's (by card id).
 */
final class TransportFloor {

  static final String FIRST_HOP = "kadi-bench.floor-1";
  static final String SECOND_HOP = "kadi-bench.floor-2";
  /** As many as each catalogue topic has (kadi.kafka.partitions' default). */
  static final int PARTITIONS = 6;
  /** How long records still on their way when the schedule ends may take to arrive. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private static final int KEYS = 1000;
  private static final Duration POLL = Duration.ofMillis(100);
  /** As the services' listeners commit (kadi-defaults.properties: ack-mode count_time, ack-time 100 ms). */
  private static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

  private final String bootstrapServers;
  private final MessageSizes sizes;
  private final List<String> keys = IntStream.range(0, KEYS).mapToObj(i -> UUID.randomUUID().toString()).toList();

  TransportFloor(String bootstrapServers, MessageSizes sizes) {
    this.bootstrapServers = bootstrapServers;
    this.sizes = sizes;
  }

  FloorResult measure(OpenLoopSchedule schedule) throws InterruptedException {
    createTopics();
    LongAdder sent = new LongAdder();
    LongAdder failed = new LongAdder();
    try (Relay relay = new Relay(); Receiver receiver = new Receiver(schedule);
        KafkaProducer<String, byte[]> producer = producer("kadi-bench-floor-sender")) {
      relay.start();
      receiver.start();
      producer.partitionsFor(FIRST_HOP); // its metadata, before the first record is due
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
      schedule.run(start, (index, due) -> {
        boolean measured = schedule.isMeasured(index);
        byte[] value = new byte[sizes.request()];
        ByteBuffer.wrap(value).putLong(due).putLong(index);
        producer.send(new ProducerRecord<>(FIRST_HOP, keys.get((int) (index % KEYS)), value), (metadata, failure) -> {
          if (failure != null && measured) {
            failed.increment();
          }
        });
        if (measured) {
          sent.increment();
        }
      });
      producer.flush();
      long deadline = System.nanoTime() + DRAIN.toNanos();
      while (receiver.received() < sent.sum() - failed.sum() && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      return receiver.result(schedule, start + schedule.measuredFromNanos(), sent.sum());
    }
  }

  private void createTopics() throws InterruptedException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = List.of(FIRST_HOP, SECOND_HOP).stream().filter(topic -> !existing.contains(topic))
          .map(topic -> new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty())).toList();
      admin.createTopics(missing).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not create the floor's topics on " + bootstrapServers + ": " + e.getCause().getMessage(), e);
    }
  }

  /** As the services' producers (kadi-defaults.properties): acks=all, idempotent, linger.ms=1. */
  private KafkaProducer<String, byte[]> producer(String clientId) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, clientId,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
        ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * A consumer reading every partition of the topic from its current end, committing every 100 ms as the
   * services' listeners do. Assigned rather than subscribed: it reads from the first record sent, without waiting
   * for a group to form.
   */
  private KafkaConsumer<String, byte[]> consumerAtEnd(String topic, String group) {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = List.of();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (partitions.isEmpty() && System.nanoTime() < deadline) { // a topic just created may take a moment to appear
      partitions = consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
      if (partitions.isEmpty()) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
    if (partitions.isEmpty()) {
      consumer.close();
      throw new IllegalStateException("Topic " + topic + " has no partitions on " + bootstrapServers);
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolves the end now, before anything is sent
    return consumer;
  }

  /** A thread polling a consumer until closed. */
  private abstract class Poller implements AutoCloseable {

    final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    Poller(String topic, String name) {
      consumer = consumerAtEnd(topic, name);
      thread = Thread.ofPlatform().name(name).daemon().unstarted(this::poll);
    }

    void start() {
      thread.start();
    }

    abstract void handle(ConsumerRecords<String, byte[]> records);

    private void poll() {
      long lastCommit = System.nanoTime();
      boolean uncommitted = false;
      try {
        while (running) {
          ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
          if (!records.isEmpty()) {
            handle(records);
            uncommitted = true;
          }
          if (uncommitted && System.nanoTime() - lastCommit >= COMMIT_INTERVAL.toNanos()) {
            consumer.commitSync();
            lastCommit = System.nanoTime();
            uncommitted = false;
          }
        }
      } catch (WakeupException e) {
        // closing
      } finally {
        consumer.close(Duration.ofSeconds(5));
      }
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      consumer.wakeup();
      if (thread.isAlive()) {
        thread.join();
      } else if (thread.getState() == Thread.State.NEW) {
        consumer.close();
      }
    }
  }

  /** The second hop's sender: for each request, a result of the result's size, with the request's due time and number. */
  private final class Relay extends Poller {

    private final KafkaProducer<String, byte[]> producer = producer("kadi-bench-floor-relay");

    Relay() {
      super(FIRST_HOP, "kadi-bench-floor-relay");
    }

    @Override
    void handle(ConsumerRecords<String, byte[]> records) {
      for (ConsumerRecord<String, byte[]> request : records) {
        byte[] result = new byte[sizes.result()];
        System.arraycopy(request.value(), 0, result, 0, MessageSizes.MINIMUM);
        producer.send(new ProducerRecord<>(SECOND_HOP, request.key(), result));
      }
    }

    @Override
    public void close() throws InterruptedException {
      try {
        super.close();
      } finally {
        producer.close();
      }
    }
  }

  /** Records each result's latency from its request's due time. */
  private final class Receiver extends Poller {

    private final OpenLoopSchedule schedule;
    /** Microseconds; written by this poller's thread only. */
    private final SingleWriterRecorder latencies = new SingleWriterRecorder(3);
    private final LongAdder received = new LongAdder();
    private final AtomicLong lastArrivalNanos = new AtomicLong(Long.MIN_VALUE);

    Receiver(OpenLoopSchedule schedule) {
      super(SECOND_HOP, "kadi-bench-floor-receiver");
      this.schedule = schedule;
    }

    @Override
    void handle(ConsumerRecords<String, byte[]> records) {
      long now = System.nanoTime();
      for (ConsumerRecord<String, byte[]> result : records) {
        ByteBuffer value = ByteBuffer.wrap(result.value());
        long due = value.getLong();
        if (schedule.isMeasured(value.getLong())) {
          latencies.recordValue(Math.max(0, (now - due) / 1000));
          lastArrivalNanos.set(now);
          received.increment(); // last: the floor's figures are read once every record is counted
        }
      }
    }

    long received() {
      return received.sum();
    }

    FloorResult result(OpenLoopSchedule schedule, long measuredFromNanos, long sent) {
      Histogram micros = latencies.getIntervalHistogram();
      long arrived = received();
      double seconds = schedule.measured().toNanos() / 1e9;
      double arrivedOver = Math.max(seconds, (lastArrivalNanos.get() - measuredFromNanos) / 1e9);
      return new FloorResult(schedule.ratePerSecond(), seconds, sizes.request(), sizes.result(), sent, arrived, sent - arrived,
          arrived == 0 ? 0 : Math.round(arrived / arrivedOver * 10) / 10.0, Latency.ofMicros(micros));
    }
  }
}
