package io.kadi.kit.kafka;

import io.kadi.schemas.topics.KadiTopic;
import io.kadi.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/** Kafka defaults every Kadi service shares. The serde and producer settings are in {@code kadi-defaults.properties}. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KadiKafkaProperties.class)
public class KadiKafkaAutoConfiguration {

  /** Counter of dead-lettered records, tagged with the topic they came from: alert on any increase. */
  public static final String DEAD_LETTERS_METER = "kadi.kafka.dead.letters";

  /** Header of a dead letter that says, in one line, why it is there: the root cause's message. */
  public static final String REASON_HEADER = "kadi-dlt-reason";

  /** Every catalogue topic, so that a service can publish before any other service has started. */
  @Bean
  KafkaAdmin.NewTopics kadiTopics(KadiKafkaProperties properties) {
    return new KafkaAdmin.NewTopics(Topics.ALL.stream()
        .map(topic -> TopicBuilder.name(topic.name()).partitions(properties.partitions()).build())
        .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
  }

  @Bean
  DeadLetterTopics kadiDeadLetterTopics(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin, KadiKafkaProperties properties) {
    return new DeadLetterTopics(listeners, admin, properties.partitions());
  }

  /**
   * Retries a failing record a few times with exponential backoff, then publishes it to
   * {@code <topic>.<group>.dlt} with the failure in its headers ({@value #REASON_HEADER} says why in one line), and
   * moves on. Records that failed to deserialize,
   * and {@link UnprocessableRecordException}s, go there at once, with their original bytes. If the dead-letter
   * publish itself fails, the record is retried rather than skipped: nothing is ever dropped silently.
   */
  @Bean
  CommonErrorHandler kadiErrorHandler(KafkaProperties kafka, KafkaTemplate<?, ?> template, KadiKafkaProperties properties,
      @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String defaultGroup,
      ObjectProvider<MeterRegistry> meters) {
    Map<String, Object> bytesProducer = new LinkedHashMap<>(kafka.buildProducerProperties());
    bytesProducer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    bytesProducer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
    templates.put(byte[].class, new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, byte[]>(bytesProducer)));
    templates.put(Object.class, template);
    DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates, (record, failure) -> {
      String group = KafkaUtils.getConsumerGroupId();
      return new TopicPartition(KadiTopic.deadLetterTopic(record.topic(), group != null ? group : defaultGroup), -1);
    });
    recoverer.setHeadersFunction((record, failure) -> new RecordHeaders().add(REASON_HEADER,
        String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure).getMessage()).getBytes(StandardCharsets.UTF_8)));
    ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
    backOff.setInitialInterval(properties.retryInitialInterval().toMillis());
    backOff.setMultiplier(2);
    backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
    MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
    DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
      recoverer.accept(record, failure);
      Counter.builder(DEAD_LETTERS_METER)
          .description("Records published to a dead-letter topic")
          .tag("topic", record.topic())
          .register(registry)
          .increment();
    }, backOff);
    handler.addNotRetryableExceptions(UnprocessableRecordException.class);
    return handler;
  }
}
