package io.kadi.kit.testing;

import org.awaitility.Awaitility;

import io.kadi.schemas.serde.KadiAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic in a test: from its current end (to see what a test causes) or from the beginning. Values are kept
 * as the raw bytes that were on the wire, and decoded with the test registry where they decode.
 */
public final class TopicProbe implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KadiAvroDeserializer deserializer = new KadiAvroDeserializer();
  private final List<Received> received = new ArrayList<>();

  private TopicProbe(String topic, boolean fromBeginning) {
    this.topic = topic;
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(), new ByteArrayDeserializer());
    deserializer.configure(Map.of("schema.registry.url", KadiTestInfrastructure.SCHEMA_REGISTRY_URL, "specific.avro.reader", true), false);
    List<TopicPartition> partitions = Awaitility.await().atMost(TIMEOUT).until(
        () -> consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList(),
        list -> !list.isEmpty());
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
    }
  }

  /** Sees what is published to the topic from now on. */
  public static TopicProbe fromEnd(String topic) {
    return new TopicProbe(topic, false);
  }

  /** Sees everything the topic holds. */
  public static TopicProbe fromBeginning(String topic) {
    return new TopicProbe(topic, true);
  }

  /** How many records the topic has ever received: the sum of its partitions' end offsets. */
  public static long recordCount(String topic) {
    try (TopicProbe probe = new TopicProbe(topic, false)) {
      return probe.consumer.endOffsets(probe.consumer.assignment()).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Waits for the first record whose decoded value is of the type and matches. */
  public <T> T await(Class<T> type, Predicate<T> match) {
    return type.cast(awaitRecord(record -> type.isInstance(record.value()) && match.test(type.cast(record.value()))).value());
  }

  /** Waits for the first record that matches. */
  public Received awaitRecord(Predicate<Received> match) {
    return Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
      poll(Duration.ofMillis(100));
      return received.stream().filter(match).findFirst();
    }, Optional::isPresent).orElseThrow();
  }

  /** Everything published so far: reads until the position reaches the end offset of every partition. */
  public List<Received> readToEnd() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    Awaitility.await().atMost(TIMEOUT).until(() -> {
      poll(Duration.ofMillis(50));
      return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    });
    return List.copyOf(received);
  }

  /** The decoded values of everything published so far, of the type, that match. */
  public <T> List<T> readToEnd(Class<T> type, Predicate<T> match) {
    return readToEnd().stream()
        .map(Received::value)
        .filter(type::isInstance)
        .map(type::cast)
        .filter(match)
        .toList();
  }

  private void poll(Duration timeout) {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
      received.add(new Received(record, decode(record.value())));
    }
  }

  private Object decode(byte[] value) {
    try {
      return deserializer.deserialize(topic, value);
    } catch (SerializationException e) {
      return null;
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }

  /** One record: as it was on the wire, and decoded (null when it does not decode). */
  public record Received(ConsumerRecord<String, byte[]> raw, Object value) {}
}
