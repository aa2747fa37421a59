package io.kadi.card.crash;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Kills the JVM the moment a producer is asked to send, before a byte leaves: the process dies after the database
 * commit and before Kafka sees the record. Installed only in the crashing child, through Kafka's own interceptor hook.
 */
public class HaltOnSend implements ProducerInterceptor<Object, Object> {

  public static final int EXIT_CODE = 86;

  @Override
  public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
    Runtime.getRuntime().halt(EXIT_CODE);
    return record;
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

  @Override
  public void close() {}

  @Override
  public void configure(Map<String, ?> configs) {}
}
