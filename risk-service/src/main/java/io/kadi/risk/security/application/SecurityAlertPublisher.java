package io.kadi.risk.security.application;

import io.kadi.events.alert.v1.Alert;
import io.kadi.events.alert.v1.AlertSeverity;
import io.kadi.kit.context.Ids;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.outbox.Outbox;
import io.kadi.risk.security.domain.SecurityAlert;
import io.kadi.risk.security.domain.Severity;
import io.kadi.schemas.topics.Topics;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;

/** Puts a security alert in the outbox for kadi.alerts.v1, keyed by its subject's id. */
@Component
class SecurityAlertPublisher {

  private final Outbox outbox;
  private final RecordMetadata metadata;

  SecurityAlertPublisher(Outbox outbox, RecordMetadata metadata) {
    this.outbox = outbox;
    this.metadata = metadata;
  }

  void publish(SecurityAlert alert, RequestContext context) {
    outbox.append(Topics.ALERTS, alert.subject().id(), Alert.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setAlertId(Ids.newId())
        .setType(alert.type())
        .setSeverity(severity(alert.severity()))
        .setSubjectType(alert.subject().type().label())
        .setSubjectId(alert.subject().id())
        .setSummary(alert.summary())
        .setDetails(new LinkedHashMap<>(alert.details()))
        .build());
  }

  private static AlertSeverity severity(Severity severity) {
    return switch (severity) {
      case INFO -> AlertSeverity.info;
      case WARNING -> AlertSeverity.warning;
      case CRITICAL -> AlertSeverity.critical;
    };
  }
}
