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
import io.kadi.kit.context.Tenant;
import io.kadi.kit.inbox.PollInbox;
import io.kadi.kit.kafka.UnprocessableRecordException;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Joins limits-service's and risk-service's answers on the authorization id. Both topics are keyed by card id like
 * the authorizations, so one card's results come in order; each result is recorded once, with the decision it
 * completes. A poll's results commit together ({@link PollInbox}): both results of an authorization often come in one
 * poll, and the second then finds the card's lock already held by its own transaction rather than waiting for the
 * first's commit.
 */
@Component
class AuthorizationResultsListener {

  static final String HANDLER = "authorization-results";

  private final AuthorizationService authorizations;
  private final PollInbox polls;

  AuthorizationResultsListener(AuthorizationService authorizations, PollInbox polls) {
    this.authorizations = authorizations;
    this.polls = polls;
  }

  @KafkaListener(id = HANDLER, idIsGroup = false, batch = "true", topics = {
      "#{T(io.kadi.schemas.topics.Topics).LIMIT_DECISIONS.name()}",
      "#{T(io.kadi.schemas.topics.Topics).RISK_ASSESSMENTS.name()}"})
  void on(List<ConsumerRecord<String, SpecificRecord>> poll) {
    polls.processAll(HANDLER, poll, record -> {
      if (record == null) {
        throw new UnprocessableRecordException("A record without a value is not an authorization result");
      }
      Metadata sent = RecordMetadata.of(record);
      return new PollInbox.Message(sent.getEventId().toString(), () -> record(record, sent));
    });
  }

  private void record(SpecificRecord record, Metadata sent) {
    RequestContext context = RequestContext.causedBy(sent, sent.getEventId().toString());
    Mode mode = Mode.fromAvro(sent.getMode());
    // limits-service and risk-service answer for every program: Kafka's access control admitted them.
    Tenant tenant = Tenant.anyProgram(mode);
    ResultOutcome outcome = switch (record) {
      case LimitsEvaluated result -> authorizations.recordLimits(result.getAuthorizationId(), result.getCardId(), tenant,
          new LimitsResult(result.getApproved(), result.getViolations().stream().map(LimitViolation::getCode).toList()),
          context);
      case RiskAssessed result -> authorizations.recordRisk(result.getAuthorizationId(), result.getCardId(), tenant,
          new RiskResult(result.getScore(), switch (result.getAction()) {
            case allow -> RiskResult.Action.ALLOW;
            case review -> RiskResult.Action.REVIEW;
            case block -> RiskResult.Action.BLOCK;
          }), context);
      default -> throw new UnprocessableRecordException(record.getSchema().getFullName()
          + " is not an authorization result");
    };
    if (outcome == ResultOutcome.UNKNOWN_AUTHORIZATION) {
      throw new UnprocessableRecordException("No authorization " + id(record, "authorizationId") + " of card "
          + id(record, "cardId") + " in " + mode.wireName() + " mode for this " + record.getSchema().getName());
    }
  }

  /** An id field both results have. */
  private static UUID id(SpecificRecord record, String field) {
    return (UUID) record.get(record.getSchema().getField(field).pos());
  }
}
