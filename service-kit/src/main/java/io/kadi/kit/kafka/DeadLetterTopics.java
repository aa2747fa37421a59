package io.kadi.kit.kafka;

import io.kadi.schemas.topics.KadiTopic;
import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Declares the dead-letter topic of every (topic, group) the service's listeners consume, before the listeners
 * start, so that the first poison record has somewhere to go even where brokers do not auto-create topics.
 */
final class DeadLetterTopics implements SmartLifecycle {

  private final KafkaListenerEndpointRegistry listeners;
  private final KafkaAdmin admin;
  private final int partitions;
  private volatile boolean running;

  DeadLetterTopics(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin, int partitions) {
    this.listeners = listeners;
    this.admin = admin;
    this.partitions = partitions;
  }

  @Override
  public void start() {
    NewTopic[] topics = listeners.getListenerContainers().stream()
        .flatMap(container -> Arrays.stream(container.getContainerProperties().getTopics())
            .map(topic -> KadiTopic.deadLetterTopic(topic, container.getGroupId())))
        .distinct()
        .map(name -> TopicBuilder.name(name).partitions(partitions).build())
        .toArray(NewTopic[]::new);
    if (topics.length > 0) {
      admin.createOrModifyTopics(topics);
    }
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
  }
}
