package io.kadi.card.vault.domain;

import java.util.random.RandomGenerator;

/** Generates PANs of the program's BIN: the BIN, random account digits, and the Luhn check digit. */
public final class PanGenerator {

  private final String bin;
  private final int length;
  private final RandomGenerator random;

  /**
   * @param bin 6 to 8 digits
   * @param length of the PAN, 13 to 19 digits
   * @param random a cryptographically strong source in production, so PANs cannot be guessed from each other
   */
  public PanGenerator(String bin, int length, RandomGenerator random) {
    if (!bin.matches("\\d{6,8}")) {
      throw new IllegalArgumentException("A BIN has 6 to 8 digits");
    }
    if (length < 13 || length > 19 || length - bin.length() < 7) {
      throw new IllegalArgumentException("A PAN of " + length + " digits cannot hold a " + bin.length() + "-digit BIN and an account number");
    }
    // PCI DSS lets the first eight digits show only on PANs of 16 digits or more; shorter ones show six. Kadi shows
    // the BIN and the last four, so a longer BIN needs a longer PAN.
    if (bin.length() > 6 && length < 16) {
      throw new IllegalArgumentException("A " + bin.length() + "-digit BIN needs a PAN of at least 16 digits, so that BIN and "
          + "last four together stay within what PCI DSS allows to be shown");
    }
    this.bin = bin;
    this.length = length;
    this.random = random;
  }

  public Pan next() {
    StringBuilder payload = new StringBuilder(bin);
    while (payload.length() < length - 1) {
      payload.append(random.nextInt(10));
    }
    return new Pan(payload.append(Luhn.checkDigit(payload.toString())).toString(), bin.length());
  }
}
