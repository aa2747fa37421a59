package io.kadi.card.authorization.domain;

import io.kadi.card.controls.domain.Channel;
import io.kadi.card.issuing.domain.Card;
import io.kadi.card.issuing.domain.CardStatus;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.card.sandbox.domain.SandboxSimulation;
import io.kadi.kit.context.Mode;
import io.kadi.kit.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * A processor's request to take money from a card, and what became of it. {@code held} is what it holds on the card
 * now and {@code captured} what it took, so a card's funded total is its available balance plus the held and captured
 * amounts of its authorizations.
 *
 * <p>An authorization is decided as soon as a result declines it, or once both limits and risk approve it; a result
 * arriving after the decision changes nothing.
 */
public record Authorization(
    UUID id,
    UUID cardId,
    UUID cardholderId,
    Mode mode,
    Money amount,
    Merchant merchant,
    Channel channel,
    AuthorizationStatus status,
    DeclineReason declineReason,
    boolean standIn,
    long held,
    long captured,
    LimitsResult limits,
    RiskResult risk,
    Instant createdAt,
    Instant decidedAt) {

  /** A new authorization and the card after it: holding the amount, or unchanged if card-service declined at once. */
  public record Requested(Authorization authorization, Card card) {}

  public static Requested request(UUID id, Card card, boolean kycVerified, Money amount, Merchant merchant,
      Channel channel, Instant now) {
    Optional<DeclineReason> declined = checkAtRequest(card, kycVerified, amount, now);
    Authorization authorization = new Authorization(id, card.id(), card.cardholderId(), card.mode(), amount, merchant,
        channel, declined.isPresent() ? AuthorizationStatus.DECLINED : AuthorizationStatus.PENDING,
        declined.orElse(null), false, declined.isPresent() ? 0 : amount.minorUnits(), 0, null, null, now,
        declined.isPresent() ? now : null);
    return new Requested(authorization, declined.isPresent() ? card : card.hold(amount.minorUnits()));
  }

  /**
   * What card-service can tell by itself, in this order; the last, funds, is checked against the available balance,
   * and declined in sandbox for the amount that simulates a short balance ({@link SandboxSimulation}).
   */
  static Optional<DeclineReason> checkAtRequest(Card card, boolean kycVerified, Money amount, Instant now) {
    if (card.status() != CardStatus.ACTIVE) {
      return Optional.of(DeclineReason.CARD_NOT_ACTIVE);
    }
    if (YearMonth.from(now.atOffset(ZoneOffset.UTC)).isAfter(card.expiry())) {
      return Optional.of(DeclineReason.CARD_EXPIRED);
    }
    if (!kycVerified) {
      return Optional.of(DeclineReason.KYC_NOT_VERIFIED);
    }
    if (amount.currency() != card.currency()) {
      return Optional.of(DeclineReason.CURRENCY_MISMATCH);
    }
    if (amount.minorUnits() > card.available() || SandboxSimulation.declinesForFunds(card.mode(), amount.minorUnits())) {
      return Optional.of(DeclineReason.INSUFFICIENT_FUNDS);
    }
    return Optional.empty();
  }

  public boolean pending() {
    return status == AuthorizationStatus.PENDING;
  }

  public Authorization withLimits(LimitsResult result) {
    return new Authorization(id, cardId, cardholderId, mode, amount, merchant, channel, status, declineReason, standIn,
        held, captured, result, risk, createdAt, decidedAt);
  }

  public Authorization withRisk(RiskResult result) {
    return new Authorization(id, cardId, cardholderId, mode, amount, merchant, channel, status, declineReason, standIn,
        held, captured, limits, result, createdAt, decidedAt);
  }

  /** The decline reason the results so far call for; empty while they do not decline. */
  Optional<DeclineReason> declinedByResults() {
    if (limits != null && !limits.approved()) {
      return Optional.of(limits.declineReason());
    }
    if (risk != null && risk.action() == RiskResult.Action.BLOCK) {
      return Optional.of(DeclineReason.RISK_BLOCK);
    }
    return Optional.empty();
  }

  /** Decided if the results call for it: a decline as soon as one declines, an approval once both approve. */
  public Optional<Authorization> decideOnResults(Instant now) {
    if (!pending()) {
      return Optional.empty();
    }
    Optional<DeclineReason> declined = declinedByResults();
    if (declined.isPresent()) {
      return Optional.of(decided(AuthorizationStatus.DECLINED, declined.get(), false, now));
    }
    return limits != null && risk != null
        ? Optional.of(decided(AuthorizationStatus.APPROVED, null, false, now))
        : Optional.empty();
  }

  /** The stand-in decision, for a pending authorization whose results did not all arrive in time. */
  public Authorization standIn(StandIn policy, Instant now) {
    if (!pending()) {
      throw new IllegalStateException("Only a pending authorization gets the stand-in decision");
    }
    Optional<DeclineReason> declined = declinedByResults();
    return switch (policy) {
      case DECLINE -> decided(AuthorizationStatus.DECLINED, declined.orElse(DeclineReason.TIMEOUT), true, now);
      case APPROVE -> declined.isPresent()
          ? decided(AuthorizationStatus.DECLINED, declined.get(), true, now)
          : decided(AuthorizationStatus.APPROVED, null, true, now);
    };
  }

  /** Captures up to the amount approved; what is not captured is released. */
  public Outcome<Authorization> capture(long capturedAmount) {
    if (status != AuthorizationStatus.APPROVED) {
      return notApproved("captured");
    }
    if (capturedAmount < 1 || capturedAmount > amount.minorUnits()) {
      return Outcome.refused(RefusalCode.INVALID_AMOUNT, "A capture is from 1 to the " + amount.minorUnits()
          + " minor units approved; it was " + capturedAmount + ".");
    }
    return Outcome.done(new Authorization(id, cardId, cardholderId, mode, amount, merchant, channel,
        AuthorizationStatus.CAPTURED, null, standIn, 0, capturedAmount, limits, risk, createdAt, decidedAt));
  }

  /** Releases the whole hold of an approved authorization that will not be captured. */
  public Outcome<Authorization> reverse() {
    if (status != AuthorizationStatus.APPROVED) {
      return notApproved("reversed");
    }
    return Outcome.done(new Authorization(id, cardId, cardholderId, mode, amount, merchant, channel,
        AuthorizationStatus.REVERSED, null, standIn, 0, captured, limits, risk, createdAt, decidedAt));
  }

  /** What the step from this state to {@code next} releases back to the available balance. */
  public long releasedBy(Authorization next) {
    return held - next.held - (next.captured - captured);
  }

  /** What the step from this state to {@code next} captures. */
  public long capturedBy(Authorization next) {
    return next.captured - captured;
  }

  private Authorization decided(AuthorizationStatus decision, DeclineReason reason, boolean byStandIn, Instant now) {
    return new Authorization(id, cardId, cardholderId, mode, amount, merchant, channel, decision, reason, byStandIn,
        decision == AuthorizationStatus.APPROVED ? held : 0, captured, limits, risk, createdAt, now);
  }

  private <T> Outcome<T> notApproved(String action) {
    return Outcome.refused(RefusalCode.INVALID_AUTHORIZATION_STATE, "Only an approved authorization can be " + action
        + "; this one is " + status.name().toLowerCase(java.util.Locale.ROOT) + ".");
  }
}
