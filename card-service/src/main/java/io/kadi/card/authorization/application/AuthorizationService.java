package io.kadi.card.authorization.application;

import io.kadi.card.authorization.domain.Authorization;
import io.kadi.card.authorization.domain.LimitsResult;
import io.kadi.card.authorization.domain.Merchant;
import io.kadi.card.authorization.domain.RiskResult;
import io.kadi.card.authorization.persistence.AuthorizationRepository;
import io.kadi.card.cardholder.application.CardholderService;
import io.kadi.card.cardholder.domain.Cardholder;
import io.kadi.card.controls.domain.ControlsOwner;
import io.kadi.card.controls.domain.SpendingControls;
import io.kadi.card.controls.persistence.SpendingControlsRepository;
import io.kadi.card.issuing.application.CardService;
import io.kadi.card.issuing.domain.Amounts;
import io.kadi.card.issuing.domain.Card;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.Refusal;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.card.sandbox.domain.SandboxSimulation;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.context.Tenant;
import io.kadi.kit.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to an authorization locks its card first, then the authorization, so that holds and balances change
 * in one order on every instance. The change, the card's balance and the event commit together.
 */
@Service
public class AuthorizationService {

  /** What became of a result from limits-service or risk-service. */
  public enum ResultOutcome { UNKNOWN_AUTHORIZATION, LATE, RECORDED, DECIDED }

  private final AuthorizationRepository authorizations;
  private final CardService cards;
  private final CardholderService cardholders;
  private final SpendingControlsRepository controls;
  private final AuthorizationEvents events;
  private final DecisionSignals signals;
  private final AuthorizationProperties properties;
  private final Clock clock;

  AuthorizationService(AuthorizationRepository authorizations, CardService cards, CardholderService cardholders,
      SpendingControlsRepository controls, AuthorizationEvents events, DecisionSignals signals,
      AuthorizationProperties properties, Clock clock) {
    this.authorizations = authorizations;
    this.cards = cards;
    this.cardholders = cardholders;
    this.controls = controls;
    this.events = events;
    this.signals = signals;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Checks the card and holds the amount, or declines at once (still with the events). Refused only when the request
   * itself is wrong: a malformed amount or merchant, or a card the caller does not see (of another mode or program);
   * in sandbox, also for the amount that simulates invalid parameters ({@link SandboxSimulation}), as a field that
   * cannot be read is refused: before anything is looked up, held or published.
   */
  @Transactional
  public Outcome<Authorization> request(UUID id, NewAuthorization request, RequestContext context) {
    if (SandboxSimulation.refusesAmount(context.mode(), request.amount())) {
      return Outcome.refused(Refusal.invalidField("amount",
          "has an invalid value: " + request.amount() + " simulates invalid parameters in sandbox"));
    }
    return Amounts.money(request.amount(), request.currency())
        .then(amount -> Merchant.of(request.merchantName(), request.merchantMcc(), request.merchantCountry(), request.merchantCity())
            .then(merchant -> cards.lock(request.cardId(), context.tenant())
                .then(card -> cardholders.get(card.cardholderId(), context.tenant())
                    .then(cardholder -> request(id, card, cardholder, amount, merchant, request, context)))));
  }

  private Outcome<Authorization> request(UUID id, Card card, Cardholder cardholder, Money amount, Merchant merchant,
      NewAuthorization request, RequestContext context) {
    Authorization.Requested requested = Authorization.request(id, card, cardholder.kyc().verified(), amount, merchant,
        request.channel(), now());
    Authorization authorization = requested.authorization();
    authorizations.insert(authorization, context);
    cards.saveBalance(requested.card(), authorization.createdAt());
    events.requested(authorization, cardholder, controls.find(ControlsOwner.CARD, card.id()),
        controls.find(ControlsOwner.CARDHOLDER, cardholder.id()), context);
    if (!authorization.pending()) {
      events.decided(authorization, requested.card(), context);
    }
    return Outcome.done(authorization);
  }

  /** Records limits-service's result for the authorization of the card, deciding it when it completes the join. */
  @Transactional
  public ResultOutcome recordLimits(UUID id, UUID cardId, Tenant tenant, LimitsResult result, RequestContext context) {
    return record(id, cardId, tenant, authorization -> authorization.withLimits(result), context);
  }

  /** Records risk-service's result for the authorization of the card, deciding it when it completes the join. */
  @Transactional
  public ResultOutcome recordRisk(UUID id, UUID cardId, Tenant tenant, RiskResult result, RequestContext context) {
    return record(id, cardId, tenant, authorization -> authorization.withRisk(result), context);
  }

  private ResultOutcome record(UUID id, UUID cardId, Tenant tenant, UnaryOperator<Authorization> addResult,
      RequestContext context) {
    // The result names the card: its lock is taken at once, without reading the authorization first.
    Optional<Locked> found = lock(id, cardId, tenant);
    if (found.isEmpty()) {
      return ResultOutcome.UNKNOWN_AUTHORIZATION;
    }
    Authorization current = found.get().authorization();
    if (!current.pending()) {
      return ResultOutcome.LATE;
    }
    Authorization withResult = addResult.apply(current);
    Optional<Authorization> decided = withResult.decideOnResults(now());
    if (decided.isEmpty()) {
      authorizations.update(withResult, now());
      return ResultOutcome.RECORDED;
    }
    decide(found.get().card(), current, decided.get(), context);
    return ResultOutcome.DECIDED;
  }

  /**
   * Gives a pending authorization the stand-in decision. Returns the authorization as it now stands: decided by the
   * stand-in, or already decided by its results.
   */
  @Transactional
  public Optional<Authorization> expire(UUID id) {
    Optional<Locked> found = authorizations.find(id).flatMap(this::lock);
    if (found.isEmpty() || !found.get().authorization().pending()) {
      return found.map(Locked::authorization);
    }
    Locked locked = found.get();
    Authorization decided = locked.authorization().standIn(properties.standIn(), now());
    decide(locked.card(), locked.authorization(), decided, authorizations.contextOf(id));
    return Optional.of(decided);
  }

  /** Pending authorizations created before the cutoff: their waiting instance, if any, is overdue. */
  public List<UUID> pendingSince(Instant cutoff, int max) {
    return authorizations.pendingBefore(cutoff, max);
  }

  @Transactional
  public Outcome<Authorization> capture(UUID id, long amount, RequestContext context) {
    return change(id, context, authorization -> authorization.capture(amount),
        step -> events.captured(step.after(), step.before().releasedBy(step.after()), step.card(), context));
  }

  @Transactional
  public Outcome<Authorization> reverse(UUID id, RequestContext context) {
    return change(id, context, Authorization::reverse, step -> events.reversed(step.after(), step.card(), context));
  }

  public Outcome<Authorization> get(UUID id, Tenant tenant) {
    return authorizations.find(id, tenant).<Outcome<Authorization>>map(Outcome::done).orElseGet(() -> notFound(id));
  }

  private Outcome<Authorization> change(UUID id, RequestContext context,
      Function<Authorization, Outcome<Authorization>> next, Consumer<Step> publish) {
    Optional<Locked> found = lock(id, context.tenant());
    if (found.isEmpty()) {
      return notFound(id);
    }
    return next.apply(found.get().authorization()).then(after -> {
      publish.accept(settle(found.get(), after));
      return Outcome.done(after);
    });
  }

  private void decide(Card card, Authorization current, Authorization decided, RequestContext context) {
    Step step = settle(new Locked(card, current), decided);
    events.decided(decided, step.card(), context);
    signals.decided(decided);
  }

  /** Saves the authorization's next state and what it does to the card's balance. */
  private Step settle(Locked locked, Authorization after) {
    Authorization before = locked.authorization();
    Card card = locked.card().settle(before.releasedBy(after), before.capturedBy(after));
    Instant at = now();
    authorizations.update(after, at);
    cards.saveBalance(card, at);
    return new Step(before, after, card);
  }

  /** A change to an authorization, and its card after it. */
  private record Step(Authorization before, Authorization after, Card card) {}

  /** An authorization and its card, both locked, the card first. */
  private record Locked(Card card, Authorization authorization) {}

  private Optional<Locked> lock(UUID id, Tenant tenant) {
    return authorizations.find(id, tenant).flatMap(found -> lock(found.id(), found.cardId(), tenant));
  }

  /** For Kadi's own work on an authorization (its stand-in decision), which is not bound to a program. */
  private Optional<Locked> lock(Authorization found) {
    return lock(found.id(), found.cardId(), Tenant.anyProgram(found.mode()));
  }

  /** The card, then the authorization, if it is that card's. */
  private Optional<Locked> lock(UUID id, UUID cardId, Tenant tenant) {
    return cards.lock(cardId, tenant) instanceof Outcome.Done<Card>(Card card)
        ? authorizations.findForUpdate(id).filter(locked -> locked.cardId().equals(cardId))
            .map(locked -> new Locked(card, locked))
        : Optional.empty();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static <T> Outcome<T> notFound(UUID id) {
    return Outcome.refused(RefusalCode.AUTHORIZATION_NOT_FOUND, "No authorization " + id + ".");
  }
}
