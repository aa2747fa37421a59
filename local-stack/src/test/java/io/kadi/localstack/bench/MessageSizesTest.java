package io.kadi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.schemas.serde.KadiAvroSerializer;
import io.kadi.schemas.topics.Topics;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class MessageSizesTest {

  @Test
  void theSizesAreWhatTheServicesSerializerWrites() {
    try (KadiAvroSerializer serializer = new KadiAvroSerializer()) {
      serializer.configure(Map.of("schema.registry.url", "mock://bench-message-sizes"), false);

      assertThat(MessageSizes.wireSize(MessageSizes.typicalRequest()))
          .isEqualTo(serialized(serializer, Topics.AUTHORIZATIONS.name(), MessageSizes.typicalRequest()));
      assertThat(MessageSizes.wireSize(MessageSizes.typicalLimitsResult()))
          .isEqualTo(serialized(serializer, Topics.LIMIT_DECISIONS.name(), MessageSizes.typicalLimitsResult()));
      assertThat(MessageSizes.wireSize(MessageSizes.typicalRiskResult()))
          .isEqualTo(serialized(serializer, Topics.RISK_ASSESSMENTS.name(), MessageSizes.typicalRiskResult()));
    }
  }

  @Test
  void theResultIsTheLargerOfTheTwoResults() {
    MessageSizes typical = MessageSizes.typical();

    assertThat(typical.request()).isEqualTo(MessageSizes.wireSize(MessageSizes.typicalRequest()));
    assertThat(typical.result()).isEqualTo(Math.max(MessageSizes.wireSize(MessageSizes.typicalLimitsResult()),
        MessageSizes.wireSize(MessageSizes.typicalRiskResult())));
  }

  @Test
  void aRecordOfTheFloorHoldsAtLeastItsDueTimeAndNumber() {
    assertThatThrownBy(() -> new MessageSizes(15, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new MessageSizes(16, 16).result()).isEqualTo(16);
  }

  private static int serialized(KadiAvroSerializer serializer, String topic, SpecificRecord record) {
    return serializer.serialize(topic, record).length;
  }
}
