package io.kadi.risk.scoring.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code off_hours}: an authorization in the middle of the cardholder's night, in the cardholder's own time zone
 * (01:00 in Lagos is 03:00 in Nairobi). Weak alone; it makes other signals count for more.
 */
public record OffHoursRule(OffHours window, int weight) implements Rule {

  public static final String NAME = "off_hours";

  public OffHoursRule {
    Objects.requireNonNull(window, "window");
    Rule.checkedWeight(weight);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<FiredRule> evaluate(Features features) {
    var localTime = features.localTime();
    if (!window.contains(localTime)) {
      return Optional.empty();
    }
    String zone = features.attempt().cardholderTimeZone().getId();
    return fired("At %s in %s, within the cardholder's off-hours (%s)".formatted(localTime, zone, window),
        Rule.values("local_time", localTime.toString(), "time_zone", zone));
  }
}
