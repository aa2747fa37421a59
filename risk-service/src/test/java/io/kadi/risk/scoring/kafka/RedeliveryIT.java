package io.kadi.risk.scoring.kafka;

import static io.kadi.risk.testing.RiskOutputs.assessed;
import static io.kadi.risk.testing.RiskOutputs.withoutMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.risk.testing.RiskOutputs;
import io.kadi.risk.testing.RiskServiceTest;
import io.kadi.risk.testing.TestCard;
import io.kadi.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@RiskServiceTest
class RedeliveryIT {

  private static final String AUTHORIZATIONS = Topics.AUTHORIZATIONS.name();
  private static final Instant MIDDAY = Instant.parse("2026-03-10T12:00:00Z");

  @Autowired JdbcClient jdbc;

  @Test
  void aRedeliveredRecordChangesNothingAndPublishesNothing() {
    TestCard card = TestCard.nigerian();
    AuthorizationRequested first = card.request(250_000, MIDDAY);
    AuthorizationDecided approved = card.decided(first, true);
    AuthorizationRequested second = card.request(250_000, MIDDAY.plusSeconds(3600));
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer();
        TopicProbe deadLetters = TopicProbe.fromEnd(Topics.AUTHORIZATIONS.deadLetterTopic("risk-service"))) {
      producer.publish(AUTHORIZATIONS, card.key(), first);
      producer.publish(AUTHORIZATIONS, card.key(), approved);
      // Both again, as Kafka redelivers after a rebalance: the request would clash with its own history row if it ran.
      producer.publish(AUTHORIZATIONS, card.key(), first);
      producer.publish(AUTHORIZATIONS, card.key(), approved);
      producer.publish(AUTHORIZATIONS, card.key(), second);

      List<RiskAssessed> assessed = outputs.assessments(card, 2);

      assertThat(withoutMetadata(assessed)).containsExactly(assessed(first, 0, RiskAction.allow), assessed(second, 0, RiskAction.allow));
      assertThat(deadLetters.readToEnd()).noneMatch(dead -> card.key().equals(dead.raw().key()));
      assertThat(jdbc.sql("select status from authorization_history where card_id = ? order by occurred_at")
          .param(card.cardId()).query(String.class).list()).containsExactly("approved", "pending");
    }
  }
}
