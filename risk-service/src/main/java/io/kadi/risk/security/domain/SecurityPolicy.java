package io.kadi.risk.security.domain;

import io.kadi.risk.security.domain.Observation.Alerting;
import io.kadi.risk.security.domain.Observation.Counted;
import io.kadi.risk.security.domain.Observation.Ignored;
import io.kadi.risk.security.domain.Observation.Unusable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which security alert an API request counts toward or raises, and when a count fires. Pure: the count itself is kept
 * elsewhere (in PostgreSQL, shared by every instance), and handed back to {@link #alertAt}.
 *
 * @param thresholds the threshold of every counted alert
 */
public record SecurityPolicy(Map<CountedAlert, Threshold> thresholds) {

  public SecurityPolicy {
    EnumMap<CountedAlert, Threshold> all = new EnumMap<>(CountedAlert.class);
    all.putAll(thresholds);
    for (CountedAlert alert : CountedAlert.values()) {
      if (all.get(alert) == null) {
        throw new IllegalArgumentException("No threshold for " + alert.type());
      }
    }
    thresholds = Collections.unmodifiableMap(all);
  }

  public Threshold threshold(CountedAlert alert) {
    return thresholds.get(alert);
  }

  /** What the request means: counted toward an alert, an alert of its own, or nothing. */
  public Observation observe(ApiRequest request) {
    for (CountedAlert alert : CountedAlert.values()) {
      if (alert.counts(request)) {
        return new Counted(alert, request.countedSubject(), threshold(alert).windowAt(request.occurredAt()));
      }
    }
    for (ClientChange change : ClientChange.values()) {
      if (change.madeBy(request)) {
        return changed(change, request);
      }
    }
    return new Ignored();
  }

  /**
   * The alert, when the request just counted brought its window's count to the threshold; nothing below it, and
   * nothing past it, so that a window alerts once.
   *
   * @param countInWindow the subject's count in the window, this request included
   */
  public Optional<SecurityAlert> alertAt(Counted counted, long countInWindow, ApiRequest request) {
    return threshold(counted.alert()).firesAt(countInWindow)
        ? Optional.of(SecurityAlerts.counted(counted, countInWindow, request))
        : Optional.empty();
  }

  private static Observation changed(ClientChange change, ApiRequest request) {
    String changedClient = request.pathIds().get(ClientChange.CLIENT_VARIABLE);
    if (changedClient == null || changedClient.isBlank()) {
      return new Unusable("%s %s answered %d names no %s in pathIds".formatted(request.method(), request.route(),
          request.status(), ClientChange.CLIENT_VARIABLE));
    }
    if (request.clientId().isEmpty()) {
      return new Unusable("%s %s answered %d with no API client acting".formatted(request.method(), request.route(),
          request.status()));
    }
    return new Alerting(SecurityAlerts.changed(change, Subject.apiClient(changedClient), request.clientId().get(), request));
  }
}
