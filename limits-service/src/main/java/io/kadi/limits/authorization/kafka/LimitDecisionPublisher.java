package io.kadi.limits.authorization.kafka;

import io.kadi.events.limits.v1.LimitViolation;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.outbox.Outbox;
import io.kadi.limits.authorization.application.LimitDecisions;
import io.kadi.limits.authorization.domain.Authorization;
import io.kadi.limits.authorization.domain.LimitDecision;
import io.kadi.schemas.topics.Topics;
import org.springframework.stereotype.Component;

/** Publishes each decision as LimitsEvaluated on kadi.limit-decisions.v1, keyed by card id, through the outbox. */
@Component
class LimitDecisionPublisher implements LimitDecisions {

  private final Outbox outbox;
  private final RecordMetadata metadata;

  LimitDecisionPublisher(Outbox outbox, RecordMetadata metadata) {
    this.outbox = outbox;
    this.metadata = metadata;
  }

  @Override
  public void evaluated(Authorization authorization, LimitDecision decision, RequestContext context) {
    outbox.append(Topics.LIMIT_DECISIONS, authorization.cardId().toString(), LimitsEvaluated.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setAuthorizationId(authorization.id())
        .setCardId(authorization.cardId())
        .setApproved(decision.approved())
        .setViolations(decision.violations().stream()
            .map(violation -> LimitViolation.newBuilder()
                .setCode(violation.code().code())
                .setScope(violation.scope().wireName())
                .setDetail(violation.detail())
                .build())
            .toList())
        .build());
  }
}
