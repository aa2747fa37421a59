package io.kadi.kit.testing;

import io.kadi.schemas.serde.KadiAvroSerializer;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes to the test broker as a platform team would: Avro records in the wire format, or arbitrary bytes. */
public final class TestProducer implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
      ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
      ProducerConfig.ACKS_CONFIG, "all"),
      new StringSerializer(), new ByteArraySerializer());
  private final KadiAvroSerializer serializer = new KadiAvroSerializer();

  public TestProducer() {
    serializer.configure(Map.of("schema.registry.url", KadiTestInfrastructure.SCHEMA_REGISTRY_URL), false);
  }

  /** Publishes the record in the Confluent wire format and waits for the broker's acknowledgement. */
  public void publish(String topic, String key, SpecificRecord record) {
    publishBytes(topic, key, serializer.serialize(topic, record));
  }

  /** Publishes raw bytes, poison included, and waits for the broker's acknowledgement. */
  public void publishBytes(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not publish to " + topic, e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
