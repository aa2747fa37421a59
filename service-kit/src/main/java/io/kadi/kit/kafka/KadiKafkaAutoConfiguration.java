package io.kadi.kit.kafka;

import io.kadi.kit.InfrastructureFailures;
import io.kadi.schemas.serde.CatalogueRecordTypes;
import io.kadi.schemas.serde.SchemaRegistryUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/** Kafka defaults every Kadi service shares. The serde and producer settings are in {@code kadi-defaults.properties}. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KadiKafkaProperties.class)
public class KadiKafkaAutoConfiguration {

  /** Counter of dead-lettered records, tagged with the topic they came from: alert on any increase. */
  public static final String DEAD_LETTERS_METER = "kadi.kafka.dead.letters";

  /** Header of a dead letter that says, in one line, why it is there: the root cause's message. */
  public static final String REASON_HEADER = DeadLetterRecoverer.REASON_HEADER;

  static {
    // Whichever deserializer reads Kadi's records into their classes (Kadi's, or Confluent's), Avro must trust them.
    CatalogueRecordTypes.trust();
  }

  @Bean
  TopicDeclarations kadiTopicDeclarations(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin, KadiKafkaProperties properties) {
    return new TopicDeclarations(listeners, admin, properties.partitions());
  }

  /**
   * What happens to a record whose processing fails:
   * <ul>
   *   <li>the infrastructure is unavailable (PostgreSQL, the schema registry): retried until it is back, backing off
   *       to {@code kadi.kafka.retry-max-interval}; the record is good, and its partition waits for it;</li>
   *   <li>it cannot be read (not Avro, an unknown schema id) or cannot be handled at all
   *       ({@link UnprocessableRecordException}): dead-lettered at once;</li>
   *   <li>anything else: retried {@code kadi.kafka.retries} times, then dead-lettered.</li>
   * </ul>
   * Dead letters go to {@code <topic>.<group>.dlt}. If publishing one fails, the record is retried rather than
   * skipped: nothing is ever dropped silently.
   */
  @Bean
  CommonErrorHandler kadiErrorHandler(KafkaProperties kafka, KadiKafkaProperties properties,
      @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String defaultGroup,
      DefaultKafkaProducerFactory<byte[], byte[]> kadiDeadLetterProducers, ObjectProvider<MeterRegistry> meters) {
    DeadLetterRecoverer recoverer = new DeadLetterRecoverer(new KafkaTemplate<>(kadiDeadLetterProducers),
        KafkaSerializers.configuredValueSerializer(kafka), defaultGroup);
    MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
    DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
      recoverer.accept(record, failure);
      Counter.builder(DEAD_LETTERS_METER)
          .description("Records published to a dead-letter topic")
          .tag("topic", record.topic())
          .register(registry)
          .increment();
    }, backOff(properties, new ExponentialBackOffWithMaxRetries(properties.retries())));
    BackOff untilAvailable = backOff(properties, new ExponentialBackOff());
    handler.setBackOffFunction((record, failure) -> InfrastructureFailures.isUnavailable(failure) ? untilAvailable : null);
    // A record that cannot be read is dead-lettered at once, unless what failed was the registry, not the record.
    handler.removeClassification(DeserializationException.class);
    handler.addNotRetryableExceptions(SerializationException.class, UnprocessableRecordException.class);
    handler.addRetryableExceptions(SchemaRegistryUnavailableException.class);
    return handler;
  }

  /** Pauses from retry-initial-interval, doubling up to retry-max-interval; as many as the given back-off allows. */
  /** Producers of dead letters, which are bytes: a bean, so the context closes them. */
  @Bean
  DefaultKafkaProducerFactory<byte[], byte[]> kadiDeadLetterProducers(KafkaProperties kafka) {
    Map<String, Object> bytes = new HashMap<>(kafka.buildProducerProperties());
    bytes.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    bytes.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new DefaultKafkaProducerFactory<>(bytes);
  }

  private static ExponentialBackOff backOff(KadiKafkaProperties properties, ExponentialBackOff backOff) {
    backOff.setInitialInterval(properties.retryInitialInterval().toMillis());
    backOff.setMultiplier(2);
    backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
    return backOff;
  }
}
