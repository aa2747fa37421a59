package io.kadi.kit.idempotency;

/** What an {@code Idempotency-Key} may be: 1 to {@value #MAX_LENGTH} printable ASCII characters (space to tilde). */
public final class IdempotencyKeyFormat {

  public static final int MAX_LENGTH = 255;

  private IdempotencyKeyFormat() {}

  public static boolean isValid(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
      return false;
    }
    return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }
}
