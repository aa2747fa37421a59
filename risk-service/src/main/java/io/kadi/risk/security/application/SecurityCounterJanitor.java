package io.kadi.risk.security.application;

import io.kadi.kit.janitor.Janitor;
import io.kadi.risk.security.persistence.SecurityCounters;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Deletes the counters of windows that ended more than {@code kadi.risk.security-alerts.counter-retention} ago, so
 * that a record delayed by less than the retention still counts in its window's counter.
 */
@Component
class SecurityCounterJanitor extends Janitor {

  private final SecurityCounters counters;
  private final SecurityAlertProperties properties;
  private final Clock clock;

  SecurityCounterJanitor(SecurityCounters counters, SecurityAlertProperties properties, Clock clock) {
    super("security counters", properties.counterPurgeInterval());
    this.counters = counters;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected int deleteBatch(int max) {
    return counters.forgetEndedBefore(clock.instant().minus(properties.counterRetention()), max);
  }
}
