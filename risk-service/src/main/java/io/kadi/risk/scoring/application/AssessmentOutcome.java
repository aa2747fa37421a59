package io.kadi.risk.scoring.application;

import io.kadi.risk.scoring.domain.Assessment;
import java.util.UUID;

/** What became of an authorization request. */
public sealed interface AssessmentOutcome {

  /** Recorded and scored; the assessment (and any alert or freeze) is in the outbox. */
  record Assessed(Assessment assessment) implements AssessmentOutcome {}

  /** Recorded, not scored: card-service declined it at once, so nobody waits for a score. */
  record RecordedOnly(String declinedAtRequest) implements AssessmentOutcome {}

  /**
   * Recorded, deliberately not answered: the sandbox's simulation of risk-service timing out
   * ({@link io.kadi.risk.scoring.domain.SandboxSimulation#NO_ANSWER}), so card-service gives its stand-in decision.
   */
  record Unanswered(UUID authorizationId) implements AssessmentOutcome {}

  /**
   * Nothing done: the authorization is in the history already, under another event id. A copy of one request would
   * carry the same event id (and be skipped by the inbox), so this is a second request reusing an authorization id.
   */
  record AlreadyRecorded(UUID authorizationId) implements AssessmentOutcome {}
}
