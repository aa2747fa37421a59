package io.kadi.limits.authorization.kafka;

import io.kadi.events.authorization.v1.AuthorizationCaptured;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.AuthorizationReversed;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.limits.authorization.application.LimitsService;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows kadi.authorizations.v1: evaluates each request, and commits, resizes or releases its reservation as it is
 * decided, captured or reversed. Each record is handled once, under its event id. A record of another type, or one the
 * domain cannot read, goes to {@code kadi.authorizations.v1.limits-service.dlt}.
 */
@Component
class AuthorizationListener {

  private final LimitsService limits;

  AuthorizationListener(LimitsService limits) {
    this.limits = limits;
  }

  @KafkaListener(id = LimitsService.HANDLER, idIsGroup = false,
      topics = "#{T(io.kadi.schemas.topics.Topics).AUTHORIZATIONS.name()}")
  void on(SpecificRecord record) {
    switch (record) {
      case AuthorizationRequested requested when requested.getDeclinedAtRequest() != null ->
          limits.declinedAtRequest(requested.getMetadata().getEventId());
      case AuthorizationRequested requested -> limits.evaluate(requested.getMetadata().getEventId(),
          AuthorizationRecords.limitRequest(requested), causedBy(requested.getMetadata()));
      case AuthorizationDecided decided ->
          limits.update(decided.getMetadata().getEventId(), AuthorizationRecords.decided(decided));
      case AuthorizationCaptured captured ->
          limits.update(captured.getMetadata().getEventId(), AuthorizationRecords.captured(captured));
      case AuthorizationReversed reversed ->
          limits.update(reversed.getMetadata().getEventId(), AuthorizationRecords.reversed(reversed));
      default -> throw new UnprocessableRecordException(record.getSchema().getFullName()
          + " is not an authorization record: kadi.authorizations.v1 carries requests, decisions, captures and reversals");
    }
  }

  /** LimitsEvaluated continues the request's correlation, on behalf of the same client, caused by the request. */
  private static RequestContext causedBy(Metadata metadata) {
    return RequestContext.causedBy(metadata, metadata.getEventId().toString());
  }
}
