package io.kadi.kit.testing;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node KRaft Kafka broker, in process, shared by every test of this JVM and stopped when it exits. */
public final class TestBroker {

  private static EmbeddedKafkaKraftBroker broker;

  private TestBroker() {}

  public static synchronized String bootstrapServers() {
    if (broker == null) {
      broker = new EmbeddedKafkaKraftBroker(1, 1);
      broker.brokerProperties(Map.of(
          // Consumer groups form at once instead of waiting 3 s for more members.
          "group.initial.rebalance.delay.ms", "0",
          "auto.create.topics.enable", "false"));
      broker.afterPropertiesSet();
      Teardown.stopBrokerOnExit(broker::destroy);
    }
    return broker.getBrokersAsString();
  }
}
