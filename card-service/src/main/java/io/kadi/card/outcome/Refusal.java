package io.kadi.card.outcome;

/** Why an operation was refused: a stable code, and a sentence for people. */
public record Refusal(RefusalCode code, String detail) {

  private static final int SHOWN = 40;

  /**
   * Input as a refusal may repeat it: at most 40 characters, without NUL, so that a refusal never grows with what
   * it refuses and can always be stored.
   */
  public static String shown(String input) {
    if (input == null) {
      return "null";
    }
    String text = input.replace('\0', '\uFFFD');
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
  }

  /** Whether text can be stored as it is: PostgreSQL refuses the NUL character. */
  public static boolean storable(String text) {
    return text.indexOf('\0') < 0;
  }
}
