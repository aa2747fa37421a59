package io.kadi.kit.money;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in minor units of a currency. Never a double. */
public record Money(long minorUnits, IsoCurrency currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  /** The amount in major units, with the currency's exponent: 150000 NGN minor units is 1500.00. */
  public BigDecimal toMajorUnits() {
    return BigDecimal.valueOf(minorUnits, currency.exponent());
  }

  @Override
  public String toString() {
    return currency + " " + toMajorUnits().toPlainString();
  }
}
