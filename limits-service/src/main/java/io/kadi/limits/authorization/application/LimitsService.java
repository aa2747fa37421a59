package io.kadi.limits.authorization.application;

import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RequestContext;
import io.kadi.limits.authorization.domain.Authorization;
import io.kadi.limits.authorization.domain.AuthorizationUpdate;
import io.kadi.limits.authorization.domain.Counter;
import io.kadi.limits.authorization.domain.LimitCheck;
import io.kadi.limits.authorization.domain.LimitDecision;
import io.kadi.limits.authorization.domain.LimitRequest;
import io.kadi.limits.authorization.domain.Reservation;
import io.kadi.limits.authorization.domain.SandboxSimulation;
import io.kadi.limits.authorization.domain.ScopedControls;
import io.kadi.limits.authorization.persistence.LimitSubjects;
import io.kadi.limits.authorization.persistence.ReservationRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates authorization requests and follows what becomes of them. Each runs in the caller's transaction when there is
 * one: the Kafka listener's, which records the message in the inbox, so that a message's effects, its LimitsEvaluated
 * and its inbox row commit together, and a redelivery changes nothing and publishes nothing.
 */
@Service
public class LimitsService {

  /** The inbox handler, and the Kafka listener's id. */
  public static final String HANDLER = "limits-authorizations";

  private final LimitSubjects subjects;
  private final ReservationRepository reservations;
  private final KycCeilings ceilings;
  private final LimitDecisions decisions;

  LimitsService(LimitSubjects subjects, ReservationRepository reservations, KycCeilings ceilings, LimitDecisions decisions) {
    this.subjects = subjects;
    this.reservations = reservations;
    this.ceilings = ceilings;
    this.decisions = decisions;
  }

  /**
   * Checks the authorization against the card's, the cardholder's and the KYC tier's controls and, when it passes,
   * reserves its amount. Under the card's and the cardholder's locks, so that no concurrent evaluation counts the same
   * room twice. In sandbox, the amount that simulates a spending limit is declined whatever the controls
   * ({@link SandboxSimulation}), and kept and published as any decline.
   */
  @Transactional
  public LimitDecision evaluate(LimitRequest request, RequestContext context) {
    Authorization authorization = request.authorization();
    Optional<LimitDecision> simulated = SandboxSimulation.decision(authorization, context.mode() == Mode.SANDBOX);
    List<ScopedControls> controls = request.controls(ceilings.of(request.kycTier()));
    List<Counter> counters = List.copyOf(LimitCheck.counters(authorization, controls));
    subjects.lock(authorization.cardId(), authorization.cardholderId());
    LimitDecision decision = simulated.orElseGet(
        () -> LimitCheck.evaluate(authorization, controls, reservations.tally(authorization, counters)));
    reservations.insert(Reservation.of(authorization, decision));
    decisions.evaluated(authorization, decision, context);
    return decision;
  }

  /**
   * Commits, releases or resizes the authorization's reservation as the update says. It takes no lock: an update
   * only ever lowers what is counted, except a stand-in approval, which card-service made without limits anyway.
   */
  @Transactional
  public void update(AuthorizationUpdate update) {
    reservations.apply(update);
  }
}
