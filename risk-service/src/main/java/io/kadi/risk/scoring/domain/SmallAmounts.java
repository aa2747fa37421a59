package io.kadi.risk.scoring.domain;

import io.kadi.kit.money.IsoCurrency;
import java.util.Currency;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What card testing counts as a small amount: under 1.00 of the authorization's currency, that is under
 * 10^exponent minor units (100 for NGN, 1 for UGX), unless a limit is configured for the currency.
 *
 * <p>A currency without a minor unit has no positive amount under 1.00, so without a configured limit nothing in
 * UGX, RWF, XOF, XAF, GNF or BIF is ever small; {@code kadi.risk.small-amount-limits} is how to change that.
 *
 * @param limits per ISO 4217 code, the limit in minor units (an amount is small when strictly under it)
 */
public record SmallAmounts(Map<String, Long> limits) {

  public static final SmallAmounts UNDER_ONE_MAJOR_UNIT = new SmallAmounts(Map.of());

  public SmallAmounts {
    limits = Map.copyOf(limits);
    limits.forEach((currency, limit) -> {
      if (limit <= 0) {
        throw new IllegalArgumentException("The small-amount limit of " + currency + " must be positive, not " + limit);
      }
    });
  }

  /** Whether the amount counts as small for card testing. Amounts of a currency without a known exponent never do. */
  public boolean isSmall(long amount, String currency) {
    OptionalLong limit = limitOf(currency);
    return limit.isPresent() && amount < limit.getAsLong();
  }

  /** The limit in minor units: the configured one, or 1.00 of the currency; empty for a code that is not ISO 4217. */
  public OptionalLong limitOf(String currency) {
    Long configured = limits.get(currency);
    if (configured != null) {
      return OptionalLong.of(configured);
    }
    int exponent = exponentOf(currency);
    return exponent < 0 ? OptionalLong.empty() : OptionalLong.of(pow10(exponent));
  }

  /** Kadi's own table first (it follows ISO 4217 itself); the JDK's for ISO currencies Kadi does not issue in. */
  private static int exponentOf(String currency) {
    return IsoCurrency.of(currency).map(IsoCurrency::exponent)
        .orElseGet(() -> IsoCurrency.isIsoCode(currency) ? Currency.getInstance(currency).getDefaultFractionDigits() : -1);
  }

  private static long pow10(int exponent) {
    long value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= 10;
    }
    return value;
  }
}
