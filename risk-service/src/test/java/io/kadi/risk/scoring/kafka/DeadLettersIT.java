package io.kadi.risk.scoring.kafka;

import static io.kadi.risk.testing.RiskOutputs.assessed;
import static io.kadi.risk.testing.RiskOutputs.withoutMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.kafka.KadiKafkaAutoConfiguration;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.risk.testing.RiskOutputs;
import io.kadi.risk.testing.RiskServiceTest;
import io.kadi.risk.testing.TestCard;
import io.kadi.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What risk-service cannot score goes to kadi.authorizations.v1.risk-service.dlt, and the card's next authorization
 * is scored as if it had not been there.
 */
@RiskServiceTest
class DeadLettersIT {

  private static final String AUTHORIZATIONS = Topics.AUTHORIZATIONS.name();
  private static final String DEAD_LETTERS = "kadi.authorizations.v1.risk-service.dlt";
  private static final Instant MIDDAY = Instant.parse("2026-03-10T12:00:00Z");

  @Autowired JdbcClient jdbc;

  @Test
  void aRecordThatCannotBeDeserializedGoesToTheDeadLetterTopicAsItWas() {
    TestCard card = TestCard.nigerian();
    byte[] poison = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
    AuthorizationRequested next = card.request(250_000, MIDDAY);
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); RiskOutputs outputs = new RiskOutputs();
        TestProducer producer = new TestProducer()) {
      producer.publishBytes(AUTHORIZATIONS, card.key(), poison);
      producer.publish(AUTHORIZATIONS, card.key(), next);

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> card.key().equals(r.raw().key()));

      assertThat(dead.raw().value()).isEqualTo(poison);
      assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(AUTHORIZATIONS);
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).contains("magic byte");
      assertThat(withoutMetadata(outputs.assessments(card, 1))).containsExactly(assessed(next, 0, RiskAction.allow));
    }
  }

  @Test
  void aRequestWithATimeZoneThatDoesNotExistIsDeadLetteredAtOnceAndRecordsNothing() {
    TestCard card = TestCard.nigerian();
    AuthorizationRequested unscorable = AuthorizationRequested.newBuilder(card.request(250_000, MIDDAY))
        .setCardholderTimeZone("Africa/Atlantis").build();
    AuthorizationRequested next = card.request(250_000, MIDDAY.plusSeconds(60));
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); RiskOutputs outputs = new RiskOutputs();
        TestProducer producer = new TestProducer()) {
      producer.publish(AUTHORIZATIONS, card.key(), unscorable);
      producer.publish(AUTHORIZATIONS, card.key(), next);

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> card.key().equals(r.raw().key()));

      assertThat(dead.value()).isEqualTo(unscorable);
      assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(UnprocessableRecordException.class.getName());
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).isEqualTo("Cannot score authorization "
          + unscorable.getAuthorizationId() + ": its cardholder time zone 'Africa/Atlantis' is not an IANA time zone");
      assertThat(withoutMetadata(outputs.assessments(card, 1))).containsExactly(assessed(next, 0, RiskAction.allow));
      assertThat(historyOf(card)).containsExactly(next.getAuthorizationId().toString());
    }
  }

  @Test
  void aRecordOfAnotherTypeIsNotAnAuthorizationAndIsDeadLetteredAtOnce() {
    TestCard card = TestCard.nigerian();
    AuthorizationRequested request = card.request(250_000, MIDDAY);
    RiskAssessed misplaced = RiskAssessed.newBuilder().setMetadata(request.getMetadata()).setAuthorizationId(request.getAuthorizationId())
        .setCardId(card.cardId()).setScore(0).setAction(RiskAction.allow).setFiredRules(List.of()).build();
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); TestProducer producer = new TestProducer()) {
      producer.publish(AUTHORIZATIONS, card.key(), misplaced);

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> card.key().equals(r.raw().key()));

      assertThat(dead.value()).isEqualTo(misplaced);
      assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(UnprocessableRecordException.class.getName());
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).isEqualTo("io.kadi.events.risk.v1.RiskAssessed is not an "
          + "authorization record: kadi.authorizations.v1 carries AuthorizationRequested, AuthorizationDecided, "
          + "AuthorizationCaptured and AuthorizationReversed");
    }
  }

  @Test
  void aSecondRequestReusingAnAuthorizationIdIsDeadLetteredAndTheFirstAssessmentStands() {
    TestCard card = TestCard.nigerian();
    AuthorizationRequested first = card.request(250_000, MIDDAY);
    // Another event (new event id, other amount) about the same authorization: a producer's bug, not a redelivery.
    AuthorizationRequested reusing = AuthorizationRequested.newBuilder(card.request(9_000_000, MIDDAY.plusSeconds(1)))
        .setAuthorizationId(first.getAuthorizationId()).build();
    AuthorizationRequested next = card.request(250_000, MIDDAY.plusSeconds(60));
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); RiskOutputs outputs = new RiskOutputs();
        TestProducer producer = new TestProducer()) {
      producer.publish(AUTHORIZATIONS, card.key(), first);
      producer.publish(AUTHORIZATIONS, card.key(), reusing);
      producer.publish(AUTHORIZATIONS, card.key(), next);

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> card.key().equals(r.raw().key()));

      assertThat(dead.value()).isEqualTo(reusing);
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).isEqualTo("AuthorizationRequested "
          + reusing.getMetadata().getEventId() + " reuses authorization " + first.getAuthorizationId()
          + ", which risk-service recorded under another event id");
      assertThat(withoutMetadata(outputs.assessments(card, 2)))
          .containsExactly(assessed(first, 0, RiskAction.allow), assessed(next, 0, RiskAction.allow));
      assertThat(jdbc.sql("select amount from authorization_history where authorization_id = ?").param(first.getAuthorizationId())
          .query(Long.class).single()).isEqualTo(250_000);
    }
  }

  private List<String> historyOf(TestCard card) {
    return jdbc.sql("select authorization_id::text from authorization_history where card_id = ? order by occurred_at")
        .param(card.cardId()).query(String.class).list();
  }

  private static String header(TopicProbe.Received record, String name) {
    Header header = record.raw().headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
