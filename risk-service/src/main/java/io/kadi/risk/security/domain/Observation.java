package io.kadi.risk.security.domain;

/** What an API request means for the security alerts. */
public sealed interface Observation {

  /** Nothing any security alert counts or reports: most requests. */
  record Ignored() implements Observation {}

  /** One more request of the subject toward the alert, in the window it falls in. */
  record Counted(CountedAlert alert, Subject subject, FixedWindow window) implements Observation {}

  /** An alert now, uncounted: a change to a client's keys. */
  record Alerting(SecurityAlert alert) implements Observation {}

  /**
   * A request that should alert and cannot be told about: a key change whose record names no client changed (access
   * logs from before {@code pathIds}), or no client acting. Such a record is dead-lettered, not skipped unseen.
   */
  record Unusable(String reason) implements Observation {}
}
