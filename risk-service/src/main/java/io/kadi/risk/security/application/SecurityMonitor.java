package io.kadi.risk.security.application;

import io.kadi.kit.context.RequestContext;
import io.kadi.risk.security.application.SecurityOutcome.Alerted;
import io.kadi.risk.security.application.SecurityOutcome.NothingToCount;
import io.kadi.risk.security.domain.ApiRequest;
import io.kadi.risk.security.domain.Observation;
import io.kadi.risk.security.domain.Observation.Alerting;
import io.kadi.risk.security.domain.Observation.Counted;
import io.kadi.risk.security.domain.Observation.Ignored;
import io.kadi.risk.security.domain.Observation.Unusable;
import io.kadi.risk.security.domain.SecurityAlert;
import io.kadi.risk.security.domain.SecurityPolicy;
import io.kadi.risk.security.persistence.SecurityCounters;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts each API request toward its security alert and publishes the alerts. The count is one row per subject, alert
 * and window, incremented in PostgreSQL, so every instance of risk-service counts into the same row, and exactly one
 * transaction sees the count reach the threshold.
 */
@Service
public class SecurityMonitor {

  private final SecurityPolicy policy;
  private final SecurityCounters counters;
  private final SecurityAlertPublisher publisher;

  SecurityMonitor(SecurityAlertProperties properties, SecurityCounters counters, SecurityAlertPublisher publisher) {
    this.policy = properties.policy();
    this.counters = counters;
    this.publisher = publisher;
  }

  /** What the request means for the security alerts; reads and changes nothing. */
  public Observation observe(ApiRequest request) {
    return policy.observe(request);
  }

  /**
   * Counts the request and publishes the alert it raises, if any, in the caller's transaction: the one that records
   * the consumed record in the inbox, so that the count, the alert and the inbox row commit together or not at all,
   * and a redelivered record counts once.
   *
   * @param observation what {@link #observe} made of the request; never {@link Unusable}, which cannot be recorded
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public SecurityOutcome record(Observation observation, ApiRequest request, RequestContext context) {
    return switch (observation) {
      case Ignored ignored -> new NothingToCount();
      case Counted counted -> {
        long count = counters.increment(counted.alert().type(), counted.subject(), counted.window());
        Optional<SecurityAlert> alert = policy.alertAt(counted, count, request);
        alert.ifPresent(fired -> publisher.publish(fired, context));
        yield alert.<SecurityOutcome>map(Alerted::new).orElseGet(() -> new SecurityOutcome.Counted(counted, count));
      }
      case Alerting alerting -> {
        publisher.publish(alerting.alert(), context);
        yield new Alerted(alerting.alert());
      }
      case Unusable unusable -> throw new IllegalArgumentException("An unusable request cannot be recorded: " + unusable.reason());
    };
  }
}
