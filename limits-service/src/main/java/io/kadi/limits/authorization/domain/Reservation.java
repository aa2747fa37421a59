package io.kadi.limits.authorization.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An authorization limits keep, with what its limits count: its amount (the captured amount once captured), its
 * currency and category, and when it was authorized.
 *
 * @param mcc null when limits learnt of the authorization only from its decision or capture (which carry no
 *     merchant): it then counts toward limits of every category, and toward none confined to some
 */
public record Reservation(UUID authorizationId, UUID cardId, UUID cardholderId, long amount, String currency, String mcc,
    Instant authorizedAt, ReservationStatus status) {

  public Reservation {
    Objects.requireNonNull(authorizationId, "authorizationId");
    Objects.requireNonNull(cardId, "cardId");
    Objects.requireNonNull(cardholderId, "cardholderId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(authorizedAt, "authorizedAt");
    Objects.requireNonNull(status, "status");
  }

  /** The authorization checked: reserved when approved, kept as declined otherwise. */
  public static Reservation of(Authorization authorization, LimitDecision decision) {
    return new Reservation(authorization.id(), authorization.cardId(), authorization.cardholderId(),
        authorization.amount(), authorization.currency(), authorization.mcc(), authorization.at(),
        decision.approved() ? ReservationStatus.RESERVED : ReservationStatus.DECLINED);
  }

  /** This reservation after the update: moved on, and counting the new amount, when the update applies to it. */
  public Reservation after(AuthorizationUpdate update) {
    if (!update.transitions().containsKey(status)) {
      return this;
    }
    return new Reservation(authorizationId, cardId, cardholderId, update.newAmount().orElse(amount), currency, mcc,
        authorizedAt, update.next(status));
  }
}
