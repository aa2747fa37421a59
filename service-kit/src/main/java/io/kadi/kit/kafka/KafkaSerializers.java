package io.kadi.kit.kafka;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.ClassUtils;

/** The Kafka value serializer the service is configured with (Kadi's or Confluent's), configured as producers do. */
public final class KafkaSerializers {

  private KafkaSerializers() {}

  @SuppressWarnings("unchecked")
  public static Serializer<Object> configuredValueSerializer(KafkaProperties kafka) {
    Map<String, Object> properties = kafka.buildProducerProperties();
    Object configured = properties.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    Class<?> type = configured instanceof Class<?> c ? c : ClassUtils.resolveClassName(configured.toString(), null);
    Serializer<Object> serializer = (Serializer<Object>) BeanUtils.instantiateClass(type);
    serializer.configure(properties, false);
    return serializer;
  }
}
