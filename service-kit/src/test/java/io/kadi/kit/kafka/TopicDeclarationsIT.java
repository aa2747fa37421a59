package io.kadi.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.testapp.KitIntegrationTest;
import io.kadi.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

@KitIntegrationTest
class TopicDeclarationsIT {

  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired KafkaAdmin admin;

  @Test
  void everyCatalogueTopicAndTheDeadLetterTopicOfWhatTheServiceConsumesExist() throws Exception {
    Map<String, Integer> partitions = partitions();

    assertThat(partitions).containsKeys(Topics.ALL.stream().map(topic -> topic.name()).toArray(String[]::new));
    assertThat(partitions).containsKey(Topics.CARD_COMMANDS.deadLetterTopic("kit-test"));
    assertThat(partitions.get(Topics.CARD_EVENTS.name())).isEqualTo(6);
  }

  @Test
  void aTopicThatExistsIsNeverChangedEvenWhenMorePartitionsAreConfigured() throws Exception {
    Map<String, Integer> before = partitions();

    new TopicDeclarations(listeners, admin, 12).start();

    assertThat(partitions()).isEqualTo(before);
  }

  private Map<String, Integer> partitions() throws Exception {
    try (Admin kafka = Admin.create(admin.getConfigurationProperties())) {
      List<String> names = List.copyOf(kafka.listTopics().names().get());
      return kafka.describeTopics(names).allTopicNames().get().values().stream()
          .collect(Collectors.toMap(TopicDescription::name, description -> description.partitions().size()));
    }
  }
}
