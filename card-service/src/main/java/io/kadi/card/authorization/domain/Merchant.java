package io.kadi.card.authorization.domain;

import io.kadi.card.controls.domain.MerchantCodes;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.Refusal;
import io.kadi.card.outcome.RefusalCode;

/** The merchant as the processor describes it. */
public record Merchant(String name, String mcc, String country, String city) {

  public static final int MAX_TEXT = 100;

  /** A name of 1 to 100 characters, a 4-digit MCC, an ISO 3166-1 alpha-2 country, and an optional city. */
  public static Outcome<Merchant> of(String name, String mcc, String country, String city) {
    if (!text(name) || name.isBlank()) {
      return invalid("merchant.name has 1 to " + MAX_TEXT + " characters, without NUL.");
    }
    if (!MerchantCodes.isMcc(mcc)) {
      return invalid("merchant.mcc is a 4-digit merchant category code; it was '" + Refusal.shown(mcc) + "'.");
    }
    if (!MerchantCodes.isCountry(country)) {
      return invalid("merchant.country is an ISO 3166-1 alpha-2 code, such as NG; it was '" + Refusal.shown(country) + "'.");
    }
    if (city != null && !text(city)) {
      return invalid("merchant.city has at most " + MAX_TEXT + " characters, without NUL.");
    }
    return Outcome.done(new Merchant(name.strip(), mcc, country, city));
  }

  private static boolean text(String value) {
    return value != null && value.length() <= MAX_TEXT && Refusal.storable(value);
  }

  private static Outcome<Merchant> invalid(String detail) {
    return Outcome.refused(RefusalCode.VALIDATION_FAILED, detail);
  }
}
