package io.kadi.risk.scoring.domain;

import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;

/** Amounts as people read them in a rule's detail; feature values stay in minor units. */
final class Amounts {

  private Amounts() {}

  /** {@code NGN 1500.00} or {@code UGX 50000}; for a currency Kadi does not know, its minor units and code. */
  static String shown(long minorUnits, String currency) {
    return IsoCurrency.of(currency).map(known -> new Money(minorUnits, known).toString())
        .orElseGet(() -> minorUnits + " minor units of " + currency);
  }
}
