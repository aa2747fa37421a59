package io.kadi.card.issuing.domain;

import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.Refusal;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reading currencies and amounts as requests and commands give them. */
public final class Amounts {

  /**
   * Card networks carry amounts and balances in 12 digits (ISO 8583 fields 4 and 54), so no single amount, and no
   * balance, may exceed this.
   */
  public static final long MAX_MINOR_UNITS = 999_999_999_999L;

  private static final String SUPPORTED = Arrays.stream(IsoCurrency.values()).map(IsoCurrency::code).collect(Collectors.joining(", "));

  private Amounts() {}

  public static Outcome<IsoCurrency> currency(String code) {
    return IsoCurrency.of(code).<Outcome<IsoCurrency>>map(Outcome::done).orElseGet(() -> Outcome.refused(
        RefusalCode.UNSUPPORTED_CURRENCY,
        IsoCurrency.isIsoCode(code)
            ? code + " is not a currency Kadi issues cards in. Supported: " + SUPPORTED + "."
            : "'" + Refusal.shown(code) + "' is not an ISO 4217 currency code. Supported: " + SUPPORTED + "."));
  }

  /** A positive amount, in minor units, of a supported currency. */
  public static Outcome<Money> money(long minorUnits, String currencyCode) {
    if (minorUnits <= 0 || minorUnits > MAX_MINOR_UNITS) {
      return Outcome.refused(RefusalCode.INVALID_AMOUNT,
          "The amount must be a whole number of minor units from 1 to " + MAX_MINOR_UNITS + "; it was " + minorUnits + ".");
    }
    return currency(currencyCode).then(currency -> Outcome.done(new Money(minorUnits, currency)));
  }
}
