package io.kadi.risk.security.application;

import io.kadi.risk.security.domain.Observation;
import io.kadi.risk.security.domain.SecurityAlert;

/** What became of an API request in the security monitor. */
public sealed interface SecurityOutcome {

  /** Nothing counted, nothing published: the request is none of the security alerts' business. */
  record NothingToCount() implements SecurityOutcome {}

  /** Counted in its window, below the threshold or past it: nothing published. */
  record Counted(Observation.Counted counted, long countInWindow) implements SecurityOutcome {}

  /** The alert is in the outbox. */
  record Alerted(SecurityAlert alert) implements SecurityOutcome {}
}
