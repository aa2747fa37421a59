package io.kadi.card.vault.domain;

import java.util.Objects;

/**
 * A full primary account number. Only its BIN and last four digits ever leave this class in text: {@link #toString()}
 * masks the middle, so a PAN that slips into a log line or an exception message stays masked.
 */
public final class Pan {

  private final String digits;
  private final int binLength;

  Pan(String digits, int binLength) {
    if (!digits.matches("\\d{12,19}") || !Luhn.isValid(digits)) {
      throw new IllegalArgumentException("Not a valid PAN");
    }
    this.digits = digits;
    this.binLength = binLength;
  }

  /** A PAN read back from the vault; the BIN length is the program's. */
  public static Pan of(String digits, int binLength) {
    return new Pan(digits, binLength);
  }

  public String bin() {
    return digits.substring(0, binLength);
  }

  public String last4() {
    return digits.substring(digits.length() - 4);
  }

  /** The digits, for encryption and for the reveal endpoint only. */
  public String reveal() {
    return digits;
  }

  @Override
  public String toString() {
    return bin() + "*".repeat(digits.length() - binLength - 4) + last4();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Pan pan && pan.digits.equals(digits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(digits);
  }
}
