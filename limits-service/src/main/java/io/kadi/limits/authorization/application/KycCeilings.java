package io.kadi.limits.authorization.application;

import io.kadi.kit.money.IsoCurrency;
import io.kadi.limits.authorization.domain.Controls;
import io.kadi.limits.authorization.domain.SpendingLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The KYC tiers' ceilings, read from configuration once and checked then: a ceiling that cannot be enforced exactly
 * (an unknown currency, a fraction of a minor unit, a tier that does not exist) stops the service from starting rather
 * than being enforced wrongly.
 */
@Component
public class KycCeilings {

  private final Map<Integer, Controls> tiers = new TreeMap<>();

  public KycCeilings(LimitsProperties properties) {
    properties.kycTiers().forEach((tier, currencies) -> {
      if (tier < 1 || tier > 3) {
        throw new IllegalArgumentException("kadi.limits.kyc-tiers: KYC tiers are 1 to 3, not " + tier);
      }
      List<SpendingLimit> limits = new ArrayList<>();
      currencies.forEach((code, ceilings) -> ceilings.forEach(ceiling -> limits.add(limit(tier, code, ceiling))));
      tiers.put(tier, Controls.spendingLimits(limits));
    });
  }

  /** The ceilings of the tier, as controls; none for a tier without any. */
  public Controls of(int tier) {
    return tiers.getOrDefault(tier, Controls.NONE);
  }

  private static SpendingLimit limit(int tier, String code, LimitsProperties.Ceiling ceiling) {
    String where = "kadi.limits.kyc-tiers." + tier + "." + code;
    // Environment variables arrive in lower case; ISO codes are upper case.
    IsoCurrency currency = IsoCurrency.of(code.toUpperCase(Locale.ROOT))
        .orElseThrow(() -> new IllegalArgumentException(where + ": " + code + " is not a currency Kadi supports"));
    if (ceiling.interval() == null || ceiling.amount() == null) {
      throw new IllegalArgumentException(where + ": a ceiling has an interval and an amount");
    }
    if (ceiling.amount().signum() <= 0) {
      throw new IllegalArgumentException(where + ": a ceiling is a positive amount, not " + ceiling.amount());
    }
    long minorUnits;
    try {
      minorUnits = ceiling.amount().movePointRight(currency.exponent()).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(where + ": " + ceiling.amount().toPlainString() + " is not a whole number of "
          + currency + " minor units (" + currency.exponent() + " decimals)");
    }
    return SpendingLimit.of(minorUnits, currency.code(), ceiling.interval());
  }
}
