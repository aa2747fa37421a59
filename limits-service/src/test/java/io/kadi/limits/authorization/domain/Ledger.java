package io.kadi.limits.authorization.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reservations in memory, counted as {@link Counter#counts} says: what the reservations table is to the service. */
final class Ledger {

  private final Map<UUID, Reservation> reservations = new LinkedHashMap<>();

  Ledger with(Reservation reservation) {
    reservations.putIfAbsent(reservation.authorizationId(), reservation);
    return this;
  }

  /** What the service does on a decision, capture or reversal. */
  void apply(AuthorizationUpdate update) {
    Reservation kept = reservations.get(update.authorizationId());
    if (kept != null) {
      reservations.put(kept.authorizationId(), kept.after(update));
    } else {
      update.unknownReservation().ifPresent(this::with);
    }
  }

  Reservation get(UUID authorizationId) {
    return reservations.get(authorizationId);
  }

  List<Reservation> all() {
    return new ArrayList<>(reservations.values());
  }

  /** What each counter finds when the authorization is checked. */
  Usage usage(Authorization checked) {
    return counter -> reservations.values().stream()
        .filter(reservation -> counter.counts(reservation, checked))
        .map(reservation -> new Tally(1, reservation.amount()))
        .reduce(Tally.ZERO, (a, b) -> new Tally(a.count() + b.count(), a.amount() + b.amount()));
  }

  /** Evaluates the authorization and keeps it, reserved or declined, as the service does. */
  LimitDecision evaluate(Authorization authorization, List<ScopedControls> controls) {
    LimitDecision decision = LimitCheck.evaluate(authorization, controls, usage(authorization));
    with(Reservation.of(authorization, decision));
    return decision;
  }
}
