package io.kadi.limits.authorization.kafka;

import static io.kadi.limits.authorization.kafka.LimitDecisionsProbe.expected;
import static io.kadi.limits.testing.AuthorizationEvents.metadata;
import static io.kadi.limits.testing.AuthorizationEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.kit.kafka.KadiKafkaAutoConfiguration;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.limits.testing.LimitsServiceTest;
import io.kadi.limits.testing.ReservationsTable;
import io.kadi.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LimitsServiceTest
class DeadLettersIT {

  private static final String DEAD_LETTERS = "kadi.authorizations.v1.limits-service.dlt";

  @Autowired JdbcClient jdbc;
  ReservationsTable reservations;
  LimitDecisionsProbe limits;
  TopicProbe deadLetters;
  final UUID card = UUID.randomUUID();
  final UUID cardholder = UUID.randomUUID();

  @BeforeEach
  void open() {
    reservations = new ReservationsTable(jdbc);
    limits = new LimitDecisionsProbe();
    deadLetters = TopicProbe.fromEnd(DEAD_LETTERS);
  }

  @AfterEach
  void close() {
    deadLetters.close();
    limits.close();
  }

  @Test
  void aRecordThatIsNotAvroGoesToTheDeadLetterTopicAsItWasAndEvaluationGoesOn() {
    byte[] poison = "{\"amount\": 100}".getBytes(StandardCharsets.UTF_8);
    AuthorizationRequested next = requested(card, cardholder, 100_00, "NGN").build();

    limits.publishBytes(card, poison);
    LimitsEvaluated evaluated = limits.evaluate(next);

    TopicProbe.Received dead = deadLetters.awaitRecord(record -> card.toString().equals(record.raw().key()));
    assertThat(dead.raw().value()).isEqualTo(poison);
    assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.AUTHORIZATIONS.name());
    assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).contains("magic byte");
    assertThat(evaluated).isEqualTo(expected(next, evaluated));
  }

  @Test
  void aRecordOfAnotherTypeIsDeadLetteredAtOnce() {
    LimitsEvaluated stray = LimitsEvaluated.newBuilder().setMetadata(metadata()).setAuthorizationId(UUID.randomUUID())
        .setCardId(card).setApproved(true).setViolations(List.of()).build();

    limits.publish(card, stray);

    TopicProbe.Received dead = deadLetters.awaitRecord(record -> card.toString().equals(record.raw().key()));
    assertThat(dead.value()).isEqualTo(stray);
    assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(UnprocessableRecordException.class.getName());
    assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).isEqualTo("io.kadi.events.limits.v1.LimitsEvaluated is "
        + "not an authorization record: kadi.authorizations.v1 carries requests, decisions, captures and reversals");
  }

  @Test
  void aRequestInAnUnknownTimeZoneCannotBeEvaluatedAndIsDeadLetteredWithNothingReserved() {
    AuthorizationRequested unreadable = requested(card, cardholder, 100_00, "NGN").setCardholderTimeZone("Africa/Atlantis").build();
    AuthorizationRequested next = requested(card, cardholder, 100_00, "NGN").build();

    limits.publish(card, unreadable);
    limits.evaluate(next);

    TopicProbe.Received dead = deadLetters.awaitRecord(record -> card.toString().equals(record.raw().key()));
    assertThat(dead.value()).isEqualTo(unreadable);
    assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(UnprocessableRecordException.class.getName());
    assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER))
        .isEqualTo("Cannot read AuthorizationRequested: Unknown time-zone ID: Africa/Atlantis");
    assertThat(limits.answersTo(unreadable.getAuthorizationId())).isEmpty();
    assertThat(reservations.row(unreadable.getAuthorizationId())).isEmpty();
    assertThat(reservations.inboxRows(unreadable.getMetadata().getEventId())).isZero();
  }

  private static String header(TopicProbe.Received record, String name) {
    Header header = record.raw().headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
