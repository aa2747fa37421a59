package io.kadi.limits.authorization.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The instants from {@code from} (inclusive) until {@code until} (exclusive); an absent end is unbounded.
 */
public record TimeRange(Optional<Instant> from, Optional<Instant> until) {

  public static final TimeRange ALL_TIME = new TimeRange(Optional.empty(), Optional.empty());

  public static TimeRange between(Instant from, Instant until) {
    return new TimeRange(Optional.of(from), Optional.of(until));
  }

  public static TimeRange since(Instant from) {
    return new TimeRange(Optional.of(from), Optional.empty());
  }

  public boolean contains(Instant instant) {
    return from.map(start -> !instant.isBefore(start)).orElse(true)
        && until.map(end -> instant.isBefore(end)).orElse(true);
  }
}
