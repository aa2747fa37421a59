package io.kadi.risk.scoring.application;

import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RequestContext;
import io.kadi.risk.scoring.application.AssessmentOutcome.AlreadyRecorded;
import io.kadi.risk.scoring.application.AssessmentOutcome.Assessed;
import io.kadi.risk.scoring.application.AssessmentOutcome.RecordedOnly;
import io.kadi.risk.scoring.application.AssessmentOutcome.Unanswered;
import io.kadi.risk.scoring.domain.Assessment;
import io.kadi.risk.scoring.domain.Attempt;
import io.kadi.risk.scoring.domain.AttemptStatus;
import io.kadi.risk.scoring.domain.Features;
import io.kadi.risk.scoring.domain.RiskPolicy;
import io.kadi.risk.scoring.domain.SandboxSimulation;
import io.kadi.risk.scoring.persistence.AuthorizationHistory;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every authorization in its card's history, and scores those card-service waits for. Each method runs in
 * the caller's transaction, the one that records the consumed record in the inbox, so the history, the published
 * records and the inbox row commit together or not at all.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class RiskAssessor {

  private final AuthorizationHistory history;
  private final RiskPublisher publisher;
  private final RiskPolicy policy;

  RiskAssessor(AuthorizationHistory history, RiskPublisher publisher, RiskProperties properties) {
    this.history = history;
    this.publisher = publisher;
    this.policy = properties.policy();
  }

  /**
   * Records the authorization and, unless card-service declined it at once, scores it and publishes the result. In
   * sandbox, the amounts of {@link SandboxSimulation} are blocked without scoring, or left unanswered.
   */
  public AssessmentOutcome assess(Attempt attempt, RequestContext context) {
    boolean small = policy.smallAmounts().isSmall(attempt.amount(), attempt.currency());
    if (!history.record(attempt, small)) {
      return new AlreadyRecorded(attempt.authorizationId());
    }
    if (attempt.declinedAtRequest().isPresent()) {
      return new RecordedOnly(attempt.declinedAtRequest().get());
    }
    return switch (SandboxSimulation.of(context.mode() == Mode.SANDBOX, attempt.amount())) {
      case NONE -> publish(attempt, policy.assess(new Features(attempt, history.asOf(attempt))), context);
      case BLOCK -> publish(attempt, SandboxSimulation.blocked(attempt), context);
      case NO_ANSWER -> new Unanswered(attempt.authorizationId());
    };
  }

  private Assessed publish(Attempt attempt, Assessment assessment, RequestContext context) {
    publisher.publish(attempt, assessment, policy.freezeAfter(attempt, assessment), context);
    return new Assessed(assessment);
  }

  /** card-service's decision on a pending authorization. Returns whether the history changed. */
  public boolean decided(UUID authorizationId, boolean approved, String declineReason) {
    return approved
        ? history.move(authorizationId, AttemptStatus.PENDING, AttemptStatus.APPROVED, null, null)
        : history.move(authorizationId, AttemptStatus.PENDING, AttemptStatus.DECLINED, null, declineReason);
  }

  /** An approved authorization captured: the card spent the captured amount, not the amount authorized. */
  public boolean captured(UUID authorizationId, long amount) {
    return history.move(authorizationId, AttemptStatus.APPROVED, AttemptStatus.CAPTURED, amount, null);
  }

  /** An approved authorization reversed: it leaves the card's spending history, and stays in its counts. */
  public boolean reversed(UUID authorizationId) {
    return history.move(authorizationId, AttemptStatus.APPROVED, AttemptStatus.REVERSED, null, null);
  }
}
