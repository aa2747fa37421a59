package io.kadi.card.issuing.domain;

import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.Refusal;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.kit.context.Mode;
import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;

/**
 * A prepaid card: its status, the visible parts of its PAN, and its balance in minor units. The available balance
 * never goes below zero; {@code held} is what pending authorizations reserve.
 *
 * @param programId the card program it belongs to: its cardholder's
 */
public record Card(
    UUID id,
    UUID cardholderId,
    Mode mode,
    UUID programId,
    CardType type,
    IsoCurrency currency,
    CardStatus status,
    String bin,
    String last4,
    YearMonth expiry,
    long available,
    long held,
    Instant createdAt) {

  public static final int MAX_REASON_LENGTH = 200;

  /** Why a card's status changes, when given: at most 200 characters, without NUL. */
  public static Outcome<String> reason(String reason) {
    return reason != null && (reason.length() > MAX_REASON_LENGTH || !Refusal.storable(reason))
        ? Outcome.refused(RefusalCode.VALIDATION_FAILED, "A reason has at most " + MAX_REASON_LENGTH + " characters, without NUL.")
        : Outcome.done(reason);
  }

  /** A new card: active, empty. */
  public static Card issue(UUID id, UUID cardholderId, Mode mode, UUID programId, CardType type, IsoCurrency currency,
      String bin, String last4, YearMonth expiry, Instant now) {
    return new Card(id, cardholderId, mode, programId, type, currency, CardStatus.ACTIVE, bin, last4, expiry, 0, 0, now);
  }

  public Outcome<Card> apply(LifecycleAction action) {
    return status.after(action)
        .map(next -> Outcome.done(new Card(id, cardholderId, mode, programId, type, currency, next, bin, last4, expiry,
            available, held, createdAt)))
        .orElseGet(() -> Outcome.refused(RefusalCode.INVALID_CARD_STATE, status == CardStatus.TERMINATED
            ? "The card is terminated, which is final."
            : "A card that is " + status.name().toLowerCase(Locale.ROOT) + " cannot be " + action.pastParticiple() + "."));
  }

  /** Loads funds: refused on a terminated card, in another currency, or beyond what a balance can carry. */
  public Outcome<Card> fund(Money amount) {
    if (status == CardStatus.TERMINATED) {
      return Outcome.refused(RefusalCode.INVALID_CARD_STATE, "The card is terminated and cannot be funded.");
    }
    if (amount.currency() != currency) {
      return Outcome.refused(RefusalCode.CURRENCY_MISMATCH,
          "The card holds " + currency + "; the funding is in " + amount.currency() + ".");
    }
    long next = available + amount.minorUnits();
    if (next > Amounts.MAX_MINOR_UNITS) {
      return Outcome.refused(RefusalCode.INVALID_AMOUNT, "The funding would take the balance beyond "
          + Amounts.MAX_MINOR_UNITS + " minor units, the most card networks can carry.");
    }
    return Outcome.done(withBalance(next, held));
  }

  /** Holds an amount for an authorization: it leaves the available balance, which must cover it. */
  public Card hold(long amount) {
    if (amount <= 0 || amount > available) {
      throw new IllegalArgumentException("A hold must be positive and covered by the available balance");
    }
    return withBalance(available - amount, held + amount);
  }

  /**
   * Ends part or all of the holds: {@code released} becomes available again, {@code captured} is spent and leaves
   * the card.
   */
  public Card settle(long released, long captured) {
    if (released < 0 || captured < 0 || released + captured > held) {
      throw new IllegalArgumentException("Only what is held can be released or captured");
    }
    return withBalance(available + released, held - released - captured);
  }

  private Card withBalance(long nextAvailable, long nextHeld) {
    return new Card(id, cardholderId, mode, programId, type, currency, status, bin, last4, expiry, nextAvailable, nextHeld, createdAt);
  }
}
