package io.kadi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.testing.TestBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The floor on a real broker, at a low rate: every record makes both hops, at the pipeline's sizes. */
class TransportFloorIT {

  private static final MessageSizes SIZES = new MessageSizes(372, 160);

  @Test
  void everyRecordMakesBothHopsAndItsLatencyIsRecorded() throws Exception {
    String broker = TestBroker.bootstrapServers();
    OpenLoopSchedule schedule = new OpenLoopSchedule(50, Duration.ofSeconds(1), Duration.ofSeconds(2));

    FloorResult floor = new TransportFloor(broker, SIZES).measure(schedule);

    assertThat(floor).extracting(FloorResult::offeredRate, FloorResult::seconds, FloorResult::requestBytes,
        FloorResult::resultBytes, FloorResult::sent, FloorResult::received, FloorResult::lost)
        .containsExactly(50, 2.0, 372, 160, 100L, 100L, 0L);
    assertThat(floor.achievedRate()).isPositive().isLessThanOrEqualTo(50);
    Latency latency = floor.latency();
    assertThat(latency.count()).isEqualTo(100);
    assertThat(latency.p50Ms()).isPositive();
    assertThat(latency.p50Ms()).isLessThanOrEqualTo(latency.p95Ms());
    assertThat(latency.p95Ms()).isLessThanOrEqualTo(latency.p99Ms());
    assertThat(latency.p99Ms()).isLessThanOrEqualTo(latency.maxMs());

    // warm-up included: 150 records on each hop, each of its hop's size, spread over the topic's partitions
    assertThat(sizesOn(broker, TransportFloor.FIRST_HOP)).hasSize(150).containsOnly(372);
    assertThat(sizesOn(broker, TransportFloor.SECOND_HOP)).hasSize(150).containsOnly(160);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker))) {
      assertThat(admin.describeTopics(List.of(TransportFloor.FIRST_HOP, TransportFloor.SECOND_HOP)).allTopicNames().get().values())
          .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(TransportFloor.PARTITIONS));
    }
  }

  private static List<Integer> sizesOn(String broker, String topic) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(partition -> new TopicPartition(topic, partition.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<Integer> sizes = new ArrayList<>();
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          sizes.add(record.value().length);
        }
      }
      return sizes;
    }
  }
}
