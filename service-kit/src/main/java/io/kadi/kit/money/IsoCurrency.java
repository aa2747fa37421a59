package io.kadi.kit.money;

import java.util.Optional;

/**
 * The ISO 4217 currencies Kadi issues cards in, with their exponents (digits after the decimal point). The exponents
 * come from ISO 4217 itself, not from habit: UGX, RWF, XOF, XAF, GNF and BIF have no minor unit, so 1 UGX is stored
 * as 1, while 1 NGN is stored as 100 (kobo).
 */
public enum IsoCurrency {
  // West Africa
  NGN(2), GHS(2), XOF(0), GNF(0), SLE(2), LRD(2), GMD(2),
  // East Africa
  KES(2), UGX(0), TZS(2), RWF(0), ETB(2), BIF(0),
  // Central and Southern Africa
  XAF(0), CDF(2), ZAR(2), ZMW(2), MWK(2), MZN(2), BWP(2), NAD(2), MUR(2),
  // North Africa
  EGP(2), MAD(2),
  // Settlement currencies
  USD(2), EUR(2), GBP(2);

  private final int exponent;

  IsoCurrency(int exponent) {
    this.exponent = exponent;
  }

  /** Digits after the decimal point: 2 for NGN (kobo), 0 for UGX. */
  public int exponent() {
    return exponent;
  }

  public String code() {
    return name();
  }

  /** The currency with this ISO code, if Kadi supports it; codes are case-sensitive, as ISO writes them. */
  public static Optional<IsoCurrency> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (IsoCurrency currency : values()) {
      if (currency.name().equals(code)) {
        return Optional.of(currency);
      }
    }
    return Optional.empty();
  }

  /** Whether the code is an ISO 4217 currency at all (supported or not), to say which of the two a refusal is. */
  public static boolean isIsoCode(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    return java.util.Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
  }
}
