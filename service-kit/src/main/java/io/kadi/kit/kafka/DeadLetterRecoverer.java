package io.kadi.kit.kafka;

import io.kadi.schemas.topics.KadiTopic;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Publishes a record that cannot be processed to {@code <topic>.<group>.dlt}, keyed as it was, with Spring's
 * {@code kafka_dlt-*} headers and a one-line {@value #REASON_HEADER}.
 *
 * <p>The value is what was on the source topic: the original bytes when the record could not be read, or the record
 * serialized again under its source topic's subject, where its schema is registered already. So a dead letter never
 * needs a new subject, and a registry that refuses auto-registration cannot stop a partition behind a dead letter.
 */
final class DeadLetterRecoverer extends DeadLetterPublishingRecoverer {

  /** Header of a dead letter that says, in one line, why it is there: the root cause's message. */
  static final String REASON_HEADER = "kadi-dlt-reason";

  private final Serializer<Object> values;

  DeadLetterRecoverer(KafkaOperations<byte[], byte[]> bytes, Serializer<Object> values, String defaultGroup) {
    super(bytes, (record, failure) -> {
      String group = KafkaUtils.getConsumerGroupId();
      return new TopicPartition(KadiTopic.deadLetterTopic(record.topic(), group != null ? group : defaultGroup), -1);
    });
    this.values = values;
    setHeadersFunction((record, failure) -> new RecordHeaders().add(REASON_HEADER,
        String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure).getMessage()).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A batch listener names the record that failed with a {@link BatchListenerFailedException}: the headers tell what
   * failed it, its cause, as they do for a record listener (whose failure comes wrapped only in the listener's
   * exception, which carries the consumer group).
   */
  @Override
  public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
    super.accept(record, consumer, withoutBatch(failure));
  }

  private static Exception withoutBatch(Exception failure) {
    if (failure instanceof ListenerExecutionFailedException listener
        && listener.getCause() instanceof BatchListenerFailedException batch && batch.getCause() instanceof Exception cause) {
      return new ListenerExecutionFailedException(String.valueOf(cause.getMessage()), listener.getGroupId(), cause);
    }
    return failure instanceof BatchListenerFailedException batch && batch.getCause() instanceof Exception cause ? cause : failure;
  }

  @Override
  protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record, TopicPartition destination,
      Headers headers, byte[] key, byte[] value) {
    byte[] keyBytes = key != null ? key : record.key() == null ? null : record.key().toString().getBytes(StandardCharsets.UTF_8);
    byte[] valueBytes = value != null ? value : values.serialize(record.topic(), record.value());
    return new ProducerRecord<>(destination.topic(), destination.partition() < 0 ? null : destination.partition(),
        keyBytes, valueBytes, headers);
  }
}
