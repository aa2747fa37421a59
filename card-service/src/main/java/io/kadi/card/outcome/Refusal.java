package io.kadi.card.outcome;

import java.util.List;

/**
 * Why an operation was refused: a stable code, a sentence for people and, for a request with invalid fields, each
 * field named as on the wire with what is wrong with it (the REST problem's {@code errors}).
 */
public record Refusal(RefusalCode code, String detail, List<FieldError> errors) {

  private static final int SHOWN = 40;

  /** A field of a request that is missing or invalid: its wire name ({@code snake_case}) and what is wrong. */
  public record FieldError(String field, String message) {}

  public Refusal {
    errors = List.copyOf(errors);
  }

  public Refusal(RefusalCode code, String detail) {
    this(code, detail, List.of());
  }

  /** {@code validation_failed} naming the field, as the REST API names the fields of a request it cannot read. */
  public static Refusal invalidField(String field, String message) {
    return new Refusal(RefusalCode.VALIDATION_FAILED, "Some fields are missing or invalid: " + field + ".",
        List.of(new FieldError(field, message)));
  }

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
