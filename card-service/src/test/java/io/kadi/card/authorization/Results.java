package io.kadi.card.authorization;

import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.common.v1.Metadata;
import io.kadi.events.limits.v1.LimitViolation;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.events.risk.v1.FiredRule;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.testing.TestProducer;
import io.kadi.schemas.topics.Topics;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers an authorization request as limits-service and risk-service would, on their real topics, so that
 * card-service's side of the join can be tested alone. The services themselves are tested in their modules, and all
 * together in local-stack.
 */
public final class Results implements AutoCloseable {

  private final TestProducer producer = new TestProducer();

  /** Publishes limits-service's answer; returns its event id. */
  public UUID limits(AuthorizationRequested request, String... violations) {
    LimitsEvaluated result = limitsEvaluated(request, violations);
    producer.publish(Topics.LIMIT_DECISIONS.name(), request.getCardId().toString(), result);
    return result.getMetadata().getEventId();
  }

  /** Publishes risk-service's answer; returns its event id. */
  public UUID risk(AuthorizationRequested request, int score, RiskAction action) {
    RiskAssessed result = riskAssessed(request, score, action);
    producer.publish(Topics.RISK_ASSESSMENTS.name(), request.getCardId().toString(), result);
    return result.getMetadata().getEventId();
  }

  public void approve(AuthorizationRequested request) {
    limits(request);
    risk(request, 5, RiskAction.allow);
  }

  public static LimitsEvaluated limitsEvaluated(AuthorizationRequested request, String... violations) {
    return LimitsEvaluated.newBuilder()
        .setMetadata(answering(request))
        .setAuthorizationId(request.getAuthorizationId())
        .setCardId(request.getCardId())
        .setApproved(violations.length == 0)
        .setViolations(Arrays.stream(violations)
            .map(code -> LimitViolation.newBuilder().setCode(code).setScope("card").setDetail(code + " in a test").build())
            .toList())
        .build();
  }

  public static RiskAssessed riskAssessed(AuthorizationRequested request, int score, RiskAction action) {
    return RiskAssessed.newBuilder()
        .setMetadata(answering(request))
        .setAuthorizationId(request.getAuthorizationId())
        .setCardId(request.getCardId())
        .setScore(score)
        .setAction(action)
        .setFiredRules(score == 0 ? List.of() : List.of(FiredRule.newBuilder().setRule("test_rule").setWeight(score)
            .setDetail("fired in a test").setFeatures(Map.of("amount", Long.toString(request.getAmount()))).build()))
        .build();
  }

  private static Metadata answering(AuthorizationRequested request) {
    Metadata asked = request.getMetadata();
    return Metadata.newBuilder(asked)
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now())
        .setCausationId(asked.getEventId().toString())
        .build();
  }

  @Override
  public void close() {
    producer.close();
  }
}
