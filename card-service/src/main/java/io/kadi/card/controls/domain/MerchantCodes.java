package io.kadi.card.controls.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The codes merchants are described by, in authorizations and in the controls that allow or block them. */
public final class MerchantCodes {

  private static final Pattern MCC = Pattern.compile("\\d{4}");
  private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

  private MerchantCodes() {}

  /** A merchant category code: 4 digits. */
  public static boolean isMcc(String value) {
    return value != null && MCC.matcher(value).matches();
  }

  /** An ISO 3166-1 alpha-2 country code, such as NG. */
  public static boolean isCountry(String value) {
    return value != null && COUNTRIES.contains(value);
  }
}
