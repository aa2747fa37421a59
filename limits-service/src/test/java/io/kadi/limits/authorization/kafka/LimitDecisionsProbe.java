package io.kadi.limits.authorization.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.common.v1.Metadata;
import io.kadi.events.limits.v1.LimitViolation;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;

/** Publishes authorization records as card-service does, and reads what limits-service answers on kadi.limit-decisions.v1. */
final class LimitDecisionsProbe implements AutoCloseable {

  private final TopicProbe decisions = TopicProbe.fromEnd(Topics.LIMIT_DECISIONS.name());
  private final TestProducer producer = new TestProducer();

  /** Publishes the record keyed by its card, as card-service does. */
  void publish(UUID cardId, SpecificRecord record) {
    producer.publish(Topics.AUTHORIZATIONS.name(), cardId.toString(), record);
  }

  void publishBytes(UUID cardId, byte[] value) {
    producer.publishBytes(Topics.AUTHORIZATIONS.name(), cardId.toString(), value);
  }

  /** Publishes the request and waits for its LimitsEvaluated, which must be keyed by the card. */
  LimitsEvaluated evaluate(AuthorizationRequested request) {
    publish(request.getCardId(), request);
    return answerTo(request);
  }

  LimitsEvaluated answerTo(AuthorizationRequested request) {
    TopicProbe.Received received = decisions.awaitRecord(record -> record.value() instanceof LimitsEvaluated evaluated
        && evaluated.getAuthorizationId().equals(request.getAuthorizationId()));
    assertThat(received.raw().key()).isEqualTo(request.getCardId().toString());
    return (LimitsEvaluated) received.value();
  }

  /** Waits for an answer to every request, and returns every answer to them (a request answered twice, twice). */
  List<LimitsEvaluated> answersTo(List<AuthorizationRequested> requests) {
    Set<UUID> asked = requests.stream().map(AuthorizationRequested::getAuthorizationId).collect(Collectors.toSet());
    return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> decisions.readToEnd(LimitsEvaluated.class, evaluated -> asked.contains(evaluated.getAuthorizationId())),
            answers -> answers.stream().map(LimitsEvaluated::getAuthorizationId).distinct().count() == asked.size());
  }

  /** Every answer published so far to the authorization. */
  List<LimitsEvaluated> answersTo(UUID authorizationId) {
    return decisions.readToEnd(LimitsEvaluated.class, evaluated -> evaluated.getAuthorizationId().equals(authorizationId));
  }

  /**
   * The answer limits-service must give the request: caused by it, in its correlation, for its client and mode. Its
   * own event id and time are taken from the actual answer, the only parts a test cannot know.
   */
  static LimitsEvaluated expected(AuthorizationRequested request, LimitsEvaluated actual, LimitViolation... violations) {
    Metadata sent = request.getMetadata();
    return LimitsEvaluated.newBuilder()
        .setMetadata(Metadata.newBuilder()
            .setEventId(actual.getMetadata().getEventId())
            .setOccurredAt(actual.getMetadata().getOccurredAt())
            .setRequestId(sent.getRequestId())
            .setCausationId(sent.getEventId().toString())
            .setActorClientId(sent.getActorClientId())
            .setMode(sent.getMode())
            .build())
        .setAuthorizationId(request.getAuthorizationId())
        .setCardId(request.getCardId())
        .setApproved(violations.length == 0)
        .setViolations(List.of(violations))
        .build();
  }

  static LimitViolation violation(String code, String scope, String detail) {
    return LimitViolation.newBuilder().setCode(code).setScope(scope).setDetail(detail).build();
  }

  @Override
  public void close() {
    producer.close();
    decisions.close();
  }
}
