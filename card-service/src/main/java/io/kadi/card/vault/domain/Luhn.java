package io.kadi.card.vault.domain;

/** The Luhn (mod 10) check digit of ISO/IEC 7812, which every PAN ends with. */
final class Luhn {

  private Luhn() {}

  /** The digit that makes {@code payload + digit} Luhn-valid. */
  static int checkDigit(String payload) {
    int sum = 0;
    boolean doubled = true; // the rightmost payload digit is doubled once the check digit is appended
    for (int i = payload.length() - 1; i >= 0; i--) {
      int digit = payload.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
  }

  static boolean isValid(String number) {
    return checkDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
  }
}
