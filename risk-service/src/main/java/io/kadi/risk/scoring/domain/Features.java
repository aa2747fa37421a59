package io.kadi.risk.scoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The features the rules look at: the authorization and its card's history, and what follows from the two. Every
 * value is a function of the records alone (the authorization's {@code occurredAt} is "now"), so the same records
 * always give the same features.
 */
public record Features(Attempt attempt, CardHistory history) {

  public Features {
    Objects.requireNonNull(attempt, "attempt");
    Objects.requireNonNull(history, "history");
  }

  /** Authorizations of the card, and their sum, in the window ending at this one (this one included). */
  public Totals in(Window window) {
    return history.in(window);
  }

  /** Small authorizations of the card in the last 5 minutes, this one included if it is small. */
  public int smallAuthorizations5m() {
    return history.smallAuthorizations5m();
  }

  /** The time of day in the cardholder's time zone, to the minute. */
  public LocalTime localTime() {
    return LocalTime.ofInstant(attempt.occurredAt(), attempt.cardholderTimeZone()).truncatedTo(ChronoUnit.MINUTES);
  }

  /** Approved and captured authorizations of the card in the last 30 days, in this one's currency. */
  public int spentAuthorizations30d() {
    return history.spent30d().count();
  }

  /** Their average amount in minor units (rounded half up), when there is any. */
  public OptionalLong averageSpent30d() {
    Totals spent = history.spent30d();
    return spent.count() == 0 ? OptionalLong.empty()
        : OptionalLong.of(BigDecimal.valueOf(spent.amount()).divide(BigDecimal.valueOf(spent.count()), 0, RoundingMode.HALF_UP).longValueExact());
  }

  /** This amount divided by that average, to 2 decimals; empty without spending history. */
  public Optional<BigDecimal> amountToAverage30d() {
    Totals spent = history.spent30d();
    if (spent.count() == 0 || spent.amount() == 0) {
      return Optional.empty();
    }
    // amount / (sum / count), computed as amount * count / sum so that nothing is rounded before the end.
    return Optional.of(BigDecimal.valueOf(attempt.amount()).multiply(BigDecimal.valueOf(spent.count()))
        .divide(BigDecimal.valueOf(spent.amount()), 2, RoundingMode.HALF_UP));
  }

  /** Whether this amount is at least the given multiple of that average, compared exactly (not rounded). */
  public boolean amountIsAtLeast(BigDecimal timesAverage) {
    Totals spent = history.spent30d();
    return spent.count() > 0
        && BigDecimal.valueOf(attempt.amount()).multiply(BigDecimal.valueOf(spent.count()))
            .compareTo(timesAverage.multiply(BigDecimal.valueOf(spent.amount()))) >= 0;
  }

  /** Whether the merchant is outside the cardholder's home country. */
  public boolean foreignCountry() {
    return !attempt.merchantCountry().equals(attempt.cardholderCountry());
  }

  /** A merchant country the card was never used in before, and not the cardholder's home. */
  public boolean newForeignCountry() {
    return foreignCountry() && !history.merchantCountrySeen();
  }
}
