package io.kadi.risk.scoring.kafka;

import io.kadi.events.authorization.v1.AuthorizationCaptured;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.AuthorizationReversed;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.inbox.PollInbox;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.risk.scoring.application.AssessmentOutcome;
import io.kadi.risk.scoring.application.RiskAssessor;
import java.util.List;
import java.util.UUID;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Scores each AuthorizationRequested of kadi.authorizations.v1 and follows what becomes of it. A record's effects and
 * its inbox row (keyed by its event id) commit together, so a redelivered record changes and publishes nothing; a
 * poll's records commit in one transaction ({@link PollInbox}).
 * Records that cannot be handled go to {@code kadi.authorizations.v1.risk-service.dlt}.
 */
@Component
class AuthorizationListener {

  static final String HANDLER = "risk-authorizations";
  private static final Logger log = LoggerFactory.getLogger(AuthorizationListener.class);

  private final RiskAssessor assessor;
  private final PollInbox polls;

  AuthorizationListener(RiskAssessor assessor, PollInbox polls) {
    this.assessor = assessor;
    this.polls = polls;
  }

  @KafkaListener(id = HANDLER, idIsGroup = false, batch = "true",
      topics = "#{T(io.kadi.schemas.topics.Topics).AUTHORIZATIONS.name()}")
  void on(List<ConsumerRecord<String, Object>> poll) {
    polls.processAll(HANDLER, poll, record -> {
      Runnable effects = effects(record); // refuses anything but the four authorization records
      return new PollInbox.Message(eventId((SpecificRecord) record), effects);
    });
  }

  private Runnable effects(Object record) {
    return switch (record) {
      case AuthorizationRequested requested -> {
        var attempt = Attempts.of(requested);
        RequestContext context = causedBy(requested);
        yield () -> {
          if (assessor.assess(attempt, context) instanceof AssessmentOutcome.AlreadyRecorded(UUID authorizationId)) {
            throw new UnprocessableRecordException(("AuthorizationRequested %s reuses authorization %s, which risk-service "
                + "recorded under another event id").formatted(eventId(requested), authorizationId));
          }
        };
      }
      case AuthorizationDecided decided -> () -> unlessChanged(
          assessor.decided(decided.getAuthorizationId(), decided.getApproved(), decided.getDeclineReason()), decided);
      case AuthorizationCaptured captured -> () -> unlessChanged(
          assessor.captured(captured.getAuthorizationId(), captured.getAmount()), captured);
      case AuthorizationReversed reversed -> () -> unlessChanged(assessor.reversed(reversed.getAuthorizationId()), reversed);
      case null, default -> throw new UnprocessableRecordException(typeOf(record) + " is not an authorization record: "
          + "kadi.authorizations.v1 carries AuthorizationRequested, AuthorizationDecided, AuthorizationCaptured and AuthorizationReversed");
    };
  }

  /**
   * A decision, capture or reversal that finds its authorization unknown, or not in the status it follows from,
   * changes nothing: its request was dead-lettered, or predates the history's retention, or the record repeats one
   * already applied under another event id. None of that is worth a dead letter: the record has nothing left to do.
   */
  private static void unlessChanged(boolean changed, SpecificRecord record) {
    if (!changed) {
      log.debug("{} {} changes nothing in the authorization history", record.getSchema().getName(), eventId(record));
    }
  }

  private static RequestContext causedBy(SpecificRecord record) {
    Metadata metadata = RecordMetadata.of(record);
    return RequestContext.causedBy(metadata, metadata.getEventId().toString());
  }

  private static String eventId(SpecificRecord record) {
    return RecordMetadata.of(record).getEventId().toString();
  }

  private static String typeOf(Object record) {
    return record instanceof GenericContainer avro ? avro.getSchema().getFullName()
        : record == null ? "A null record" : record.getClass().getName();
  }
}
