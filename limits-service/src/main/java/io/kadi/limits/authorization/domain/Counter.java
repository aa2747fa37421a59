package io.kadi.limits.authorization.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a limit counts: the counted reservations of the card or of the cardholder, authorized in a time range, in a
 * currency (or any), in some categories (or any). persistence sums exactly what {@link #counts} says, in SQL.
 *
 * @param currency the currency counted; null for every currency (counts of authorizations)
 * @param categories the merchant category codes counted; empty for every category
 */
public record Counter(Subject subject, TimeRange range, String currency, List<String> categories) {

  public Counter {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(range, "range");
    categories = List.copyOf(categories);
  }

  /** Whether the reservation counts toward this counter when the given authorization is checked. */
  public boolean counts(Reservation reservation, Authorization checked) {
    return reservation.status().counted()
        && !reservation.authorizationId().equals(checked.id())
        && switch (subject) {
          case CARD -> reservation.cardId().equals(checked.cardId());
          case CARDHOLDER -> reservation.cardholderId().equals(checked.cardholderId());
        }
        && range.contains(reservation.authorizedAt())
        && (currency == null || currency.equals(reservation.currency()))
        && (categories.isEmpty() || reservation.mcc() != null && categories.contains(reservation.mcc()));
  }
}
