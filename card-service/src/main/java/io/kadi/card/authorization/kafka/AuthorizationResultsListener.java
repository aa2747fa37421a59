package io.kadi.card.authorization.kafka;

import io.kadi.card.authorization.application.AuthorizationService;
import io.kadi.card.authorization.application.AuthorizationService.ResultOutcome;
import io.kadi.card.authorization.domain.LimitsResult;
import io.kadi.card.authorization.domain.RiskResult;
import io.kadi.events.common.v1.Metadata;
import io.kadi.events.limits.v1.LimitViolation;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.inbox.Inbox;
import io.kadi.kit.kafka.UnprocessableRecordException;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Joins limits-service's and risk-service's answers on the authorization id. Both topics are keyed by card id like
 * the authorizations, so one card's results come in order; each result is recorded once, with the decision it
 * completes, in one transaction.
 */
@Component
class AuthorizationResultsListener {

  static final String HANDLER = "authorization-results";

  private final AuthorizationService authorizations;
  private final Inbox inbox;

  AuthorizationResultsListener(AuthorizationService authorizations, Inbox inbox) {
    this.authorizations = authorizations;
    this.inbox = inbox;
  }

  @KafkaListener(id = HANDLER, idIsGroup = false, topics = {
      "#{T(io.kadi.schemas.topics.Topics).LIMIT_DECISIONS.name()}",
      "#{T(io.kadi.schemas.topics.Topics).RISK_ASSESSMENTS.name()}"})
  void on(SpecificRecord record) {
    Metadata sent = RecordMetadata.of(record);
    RequestContext context = RequestContext.causedBy(sent, sent.getEventId().toString());
    Mode mode = Mode.fromAvro(sent.getMode());
    inbox.processOnce(HANDLER, sent.getEventId().toString(), () -> {
      ResultOutcome outcome = switch (record) {
        case LimitsEvaluated result -> authorizations.recordLimits(result.getAuthorizationId(), mode,
            new LimitsResult(result.getApproved(), result.getViolations().stream().map(LimitViolation::getCode).toList()),
            context);
        case RiskAssessed result -> authorizations.recordRisk(result.getAuthorizationId(), mode,
            new RiskResult(result.getScore(), switch (result.getAction()) {
              case allow -> RiskResult.Action.ALLOW;
              case review -> RiskResult.Action.REVIEW;
              case block -> RiskResult.Action.BLOCK;
            }), context);
        default -> throw new UnprocessableRecordException(record.getSchema().getFullName()
            + " is not an authorization result");
      };
      if (outcome == ResultOutcome.UNKNOWN_AUTHORIZATION) {
        throw new UnprocessableRecordException("No authorization " + authorizationId(record) + " in "
            + mode.wireName() + " mode for this " + record.getSchema().getName());
      }
    });
  }

  private static UUID authorizationId(SpecificRecord record) {
    return (UUID) record.get(record.getSchema().getField("authorizationId").pos());
  }
}
