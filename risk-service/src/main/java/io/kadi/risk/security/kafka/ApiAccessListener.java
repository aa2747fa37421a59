package io.kadi.risk.security.kafka;

import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.inbox.PollInbox;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.risk.security.application.SecurityMonitor;
import io.kadi.risk.security.application.SecurityOutcome;
import io.kadi.risk.security.domain.ApiRequest;
import io.kadi.risk.security.domain.Observation;
import java.util.List;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts each ApiRequestLogged of kadi.api-access.v1 toward the security alerts. A record's count, its alert and its
 * inbox row (keyed by its event id) commit together, so a redelivered record counts once; a record that counts toward
 * nothing (most of them: accepted requests) leaves no inbox row; a poll's records commit in
 * one transaction ({@link PollInbox}). The topic is keyed by client id, and a record counts against its own client (or,
 * for the key {@code anonymous}, its source address), so two consumers never increment the same counter and the poll's
 * key order is the counters' lock order. Records that cannot be handled go to
 * {@code kadi.api-access.v1.risk-service.dlt}.
 */
@Component
class ApiAccessListener {

  static final String HANDLER = "risk-api-access";
  private static final Logger log = LoggerFactory.getLogger(ApiAccessListener.class);

  private final SecurityMonitor monitor;
  private final PollInbox polls;

  ApiAccessListener(SecurityMonitor monitor, PollInbox polls) {
    this.monitor = monitor;
    this.polls = polls;
  }

  @KafkaListener(id = HANDLER, idIsGroup = false, batch = "true",
      topics = "#{T(io.kadi.schemas.topics.Topics).API_ACCESS.name()}")
  void on(List<ConsumerRecord<String, Object>> poll) {
    polls.processAll(HANDLER, poll, record -> {
      ApiRequestLogged logged = logged(record); // refuses anything but ApiRequestLogged
      Metadata metadata = logged.getMetadata();
      ApiRequest request = ApiRequests.of(logged);
      Observation observation = monitor.observe(request);
      if (observation instanceof Observation.Unusable(String reason)) {
        throw new UnprocessableRecordException("ApiRequestLogged %s should raise an alert and cannot: %s".formatted(metadata.getEventId(), reason));
      }
      if (observation instanceof Observation.Ignored) {
        return PollInbox.Message.NOTHING; // most requests: nothing to count, so nothing to remember either
      }
      RequestContext context = RequestContext.causedBy(metadata, metadata.getEventId().toString());
      return new PollInbox.Message(metadata.getEventId().toString(), () -> {
        if (monitor.record(observation, request, context) instanceof SecurityOutcome.Alerted(var alert)) {
          log.debug("{} alert {} about {} {} in the outbox", alert.severity(), alert.type(), alert.subject().type().label(), alert.subject().id());
        }
      });
    });
  }

  private static ApiRequestLogged logged(Object record) {
    return switch (record) {
      case ApiRequestLogged logged -> logged;
      case null, default -> throw new UnprocessableRecordException(typeOf(record)
          + " is not an access log record: kadi.api-access.v1 carries ApiRequestLogged");
    };
  }

  private static String typeOf(Object record) {
    return record instanceof GenericContainer avro ? avro.getSchema().getFullName()
        : record == null ? "A null record" : record.getClass().getName();
  }
}
