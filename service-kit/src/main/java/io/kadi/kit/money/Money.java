package io.kadi.kit.money;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in minor units of a currency. Never a double. */
public record Money(long minorUnits, IsoCurrency currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  public static Money zero(IsoCurrency currency) {
    return new Money(0, currency);
  }

  /** @throws ArithmeticException on overflow, rather than wrapping around */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
  }

  public boolean isPositive() {
    return minorUnits > 0;
  }

  /** The amount in major units, with the currency's exponent: 150000 NGN minor units is 1500.00. */
  public BigDecimal toMajorUnits() {
    return BigDecimal.valueOf(minorUnits, currency.exponent());
  }

  private void requireSameCurrency(Money other) {
    if (other.currency != currency) {
      throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
    }
  }

  @Override
  public String toString() {
    return currency + " " + toMajorUnits().toPlainString();
  }
}
