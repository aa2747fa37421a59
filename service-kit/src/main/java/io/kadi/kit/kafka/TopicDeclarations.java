package io.kadi.kit.kafka;

import io.kadi.schemas.topics.KadiTopic;
import io.kadi.schemas.topics.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Before anything publishes or consumes, creates what is missing of: every catalogue topic, so a service can publish before
 * any other has started, and the dead-letter topic of every (topic, group) the service consumes, so the first poison
 * record has somewhere to go where brokers do not auto-create topics.
 *
 * <p>It never changes a topic that exists. Adding partitions to a topic moves keys to other partitions and breaks
 * the per-card order consumers rely on; that takes a migration plan, not a restart with a new setting.
 */
final class TopicDeclarations implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TopicDeclarations.class);
  private static final long TIMEOUT_SECONDS = 30;

  private final KafkaListenerEndpointRegistry listeners;
  private final KafkaAdmin admin;
  private final int partitions;
  private volatile boolean running;

  TopicDeclarations(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin, int partitions) {
    this.listeners = listeners;
    this.admin = admin;
    this.partitions = partitions;
  }

  @Override
  public void start() {
    List<String> wanted = Stream.concat(Topics.ALL.stream().map(KadiTopic::name), deadLetterTopics()).distinct().toList();
    try (Admin kafka = Admin.create(admin.getConfigurationProperties())) {
      Set<String> existing = kafka.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<NewTopic> missing = wanted.stream().filter(name -> !existing.contains(name))
          .map(name -> new NewTopic(name, Optional.of(partitions), Optional.empty()))
          .toList();
      for (var creation : kafka.createTopics(missing).values().entrySet()) {
        try {
          creation.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          log.info("Created topic {} with {} partitions", creation.getKey(), partitions);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) { // another instance was quicker: fine
            throw e;
          }
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not declare Kadi's topics on " + admin.getConfigurationProperties()
          .get("bootstrap.servers") + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while declaring Kadi's topics", e);
    }
    running = true;
  }

  private Stream<String> deadLetterTopics() {
    return listeners.getListenerContainers().stream()
        .flatMap(container -> Arrays.stream(container.getContainerProperties().getTopics())
            .map(topic -> KadiTopic.deadLetterTopic(topic, container.getGroupId())));
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** First of all: before the outbox relay publishes, the web server takes requests, and the listeners consume. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 8192;
  }
}
