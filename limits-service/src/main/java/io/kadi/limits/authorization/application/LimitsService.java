package io.kadi.limits.authorization.application;

import io.kadi.kit.context.RequestContext;
import io.kadi.kit.inbox.Inbox;
import io.kadi.limits.authorization.domain.Authorization;
import io.kadi.limits.authorization.domain.AuthorizationUpdate;
import io.kadi.limits.authorization.domain.Counter;
import io.kadi.limits.authorization.domain.LimitCheck;
import io.kadi.limits.authorization.domain.LimitDecision;
import io.kadi.limits.authorization.domain.LimitRequest;
import io.kadi.limits.authorization.domain.Reservation;
import io.kadi.limits.authorization.domain.ScopedControls;
import io.kadi.limits.authorization.persistence.LimitSubjects;
import io.kadi.limits.authorization.persistence.ReservationRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * Evaluates authorization requests and follows what becomes of them. Each message is handled once: its effects, its
 * LimitsEvaluated and its inbox row commit together, and a redelivery changes nothing and publishes nothing.
 */
@Service
public class LimitsService {

  /** The inbox handler, and the Kafka listener's id. */
  public static final String HANDLER = "limits-authorizations";

  private final Inbox inbox;
  private final LimitSubjects subjects;
  private final ReservationRepository reservations;
  private final KycCeilings ceilings;
  private final LimitDecisions decisions;

  LimitsService(Inbox inbox, LimitSubjects subjects, ReservationRepository reservations, KycCeilings ceilings,
      LimitDecisions decisions) {
    this.inbox = inbox;
    this.subjects = subjects;
    this.reservations = reservations;
    this.ceilings = ceilings;
    this.decisions = decisions;
  }

  /**
   * Checks the authorization against the card's, the cardholder's and the KYC tier's controls and, when it passes,
   * reserves its amount. Under the card's and the cardholder's locks, so that no concurrent evaluation counts the same
   * room twice.
   *
   * @return the decision; empty when the message had been handled before
   */
  public Optional<LimitDecision> evaluate(UUID messageId, LimitRequest request, RequestContext context) {
    AtomicReference<LimitDecision> decided = new AtomicReference<>();
    inbox.processOnce(HANDLER, messageId.toString(), () -> {
      Authorization authorization = request.authorization();
      List<ScopedControls> controls = request.controls(ceilings.of(request.kycTier()));
      List<Counter> counters = List.copyOf(LimitCheck.counters(authorization, controls));
      subjects.lock(authorization.cardId(), authorization.cardholderId());
      LimitDecision decision = LimitCheck.evaluate(authorization, controls, reservations.tally(authorization, counters));
      reservations.insert(Reservation.of(authorization, decision));
      decisions.evaluated(authorization, decision, context);
      decided.set(decision);
    });
    return Optional.ofNullable(decided.get());
  }

  /**
   * An authorization card-service declined at once (no hold, nothing to reserve): the message is only recorded as
   * handled.
   *
   * @return false when it had been handled before
   */
  public boolean declinedAtRequest(UUID messageId) {
    return inbox.processOnce(HANDLER, messageId.toString(), () -> { });
  }

  /**
   * Commits, releases or resizes the authorization's reservation as the update says. It takes no lock: an update
   * only ever lowers what is counted, except a stand-in approval, which card-service made without limits anyway.
   *
   * @return false when the message had been handled before
   */
  public boolean update(UUID messageId, AuthorizationUpdate update) {
    return inbox.processOnce(HANDLER, messageId.toString(), () -> reservations.apply(update));
  }
}
