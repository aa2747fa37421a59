package io.kadi.limits.authorization.domain;

import io.kadi.kit.money.IsoCurrency;
import java.math.BigDecimal;
import java.util.Currency;

/** Amounts for people: major units with the currency's own exponent, "NGN 500.00", "UGX 50000". */
public final class MoneyText {

  private MoneyText() {}

  public static String of(long minorUnits, String currency) {
    int exponent = exponent(currency);
    return exponent < 0
        ? minorUnits + " minor units of " + currency
        : currency + " " + BigDecimal.valueOf(minorUnits, exponent).toPlainString();
  }

  /** Kadi's own table first (it follows ISO 4217 where the JDK lags), then the JDK's; -1 when neither knows it. */
  private static int exponent(String currency) {
    return IsoCurrency.of(currency).map(IsoCurrency::exponent).orElseGet(() -> {
      try {
        return Currency.getInstance(currency).getDefaultFractionDigits();
      } catch (IllegalArgumentException unknown) {
        return -1;
      }
    });
  }
}
