package io.kadi.limits.authorization.kafka;

import io.kadi.events.authorization.v1.AuthorizationCaptured;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.AuthorizationReversed;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.inbox.PollInbox;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.limits.authorization.application.LimitsService;
import io.kadi.limits.authorization.domain.AuthorizationUpdate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows kadi.authorizations.v1: evaluates each request, and commits, resizes or releases its reservation as it is
 * decided, captured or reversed. Each record is handled once, under its event id, and a poll's records commit in one
 * transaction ({@link PollInbox}). A record of another type, or one the domain cannot read, goes to
 * {@code kadi.authorizations.v1.limits-service.dlt}.
 */
@Component
class AuthorizationListener {

  /**
   * An evaluation locks the card, then its cardholder, whose other cards may be another consumer's. A poll is
   * therefore handled by cardholder, then by card: every consumer takes cardholder locks in one order, and cannot
   * deadlock with another. A card has one cardholder, so its records keep their order.
   */
  private static final Comparator<ConsumerRecord<String, SpecificRecord>> LOCK_ORDER =
      Comparator.comparing((ConsumerRecord<String, SpecificRecord> record) -> cardholderId(record.value()),
              Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ConsumerRecord::key, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final LimitsService limits;
  private final PollInbox polls;

  AuthorizationListener(LimitsService limits, PollInbox polls) {
    this.limits = limits;
    this.polls = polls;
  }

  @KafkaListener(id = LimitsService.HANDLER, idIsGroup = false, batch = "true",
      topics = "#{T(io.kadi.schemas.topics.Topics).AUTHORIZATIONS.name()}")
  void on(List<ConsumerRecord<String, SpecificRecord>> poll) {
    polls.processAll(LimitsService.HANDLER, poll, LOCK_ORDER, record -> {
      Runnable effects = effects(record); // refuses anything but the four authorization records
      return new PollInbox.Message(RecordMetadata.of(record).getEventId().toString(), effects);
    });
  }

  private Runnable effects(SpecificRecord record) {
    return switch (record) {
      // Declined by card-service at once: no hold, nothing to reserve; the message is only recorded as handled.
      case AuthorizationRequested requested when requested.getDeclinedAtRequest() != null -> () -> { };
      case AuthorizationRequested requested -> {
        var request = AuthorizationRecords.limitRequest(requested);
        RequestContext context = causedBy(requested.getMetadata());
        yield () -> limits.evaluate(request, context);
      }
      case AuthorizationDecided decided -> update(AuthorizationRecords.decided(decided));
      case AuthorizationCaptured captured -> update(AuthorizationRecords.captured(captured));
      case AuthorizationReversed reversed -> update(AuthorizationRecords.reversed(reversed));
      case null -> throw new UnprocessableRecordException("A record without a value is not an authorization record");
      default -> throw new UnprocessableRecordException(record.getSchema().getFullName()
          + " is not an authorization record: kadi.authorizations.v1 carries requests, decisions, captures and reversals");
    };
  }

  private Runnable update(AuthorizationUpdate update) {
    return () -> limits.update(update);
  }

  private static UUID cardholderId(SpecificRecord record) {
    return switch (record) {
      case AuthorizationRequested requested -> requested.getCardholderId();
      case AuthorizationDecided decided -> decided.getCardholderId();
      case AuthorizationCaptured captured -> captured.getCardholderId();
      case AuthorizationReversed reversed -> reversed.getCardholderId();
      case null, default -> null;
    };
  }

  /** LimitsEvaluated continues the request's correlation, on behalf of the same client, caused by the request. */
  private static RequestContext causedBy(Metadata metadata) {
    return RequestContext.causedBy(metadata, metadata.getEventId().toString());
  }
}
