package io.kadi.kit.security.totp;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Checks a code from an authenticator app: RFC 6238 with HMAC-SHA-1, six digits and 30-second steps, the defaults every
 * app supports. Thread-safe.
 */
public final class TotpVerifier {

  static final int DIGITS = 6;
  static final Duration STEP = Duration.ofSeconds(30);

  /** RFC 6238 §5.2 recommends allowing at most one step of clock drift (or typing time) either way. */
  private static final int DRIFT_STEPS = 1;

  /** The last accepted step of a user who has never had a code accepted. */
  public static final long NO_STEP_ACCEPTED = Long.MIN_VALUE;

  private final HmacOneTimePasswordGenerator hotp = new HmacOneTimePasswordGenerator(DIGITS);

  /**
   * The time step the code belongs to, which the caller stores as the user's new last accepted step; empty if the code
   * is malformed, wrong, outside the drift window, or from a step not later than {@code lastAcceptedStep}, because RFC
   * 6238 §5.2 forbids accepting the same code twice.
   */
  public OptionalLong verify(TotpSecret secret, String code, Instant now, long lastAcceptedStep) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(now, "now");
    if (!isSixAsciiDigits(code)) {
      return OptionalLong.empty();
    }
    byte[] offered = code.getBytes(US_ASCII);
    long current = Math.floorDiv(now.getEpochSecond(), STEP.toSeconds());
    OptionalLong matched = OptionalLong.empty();
    // Every step in the window is compared, without stopping at a match, so the time taken says nothing about which one
    // matched. Should two steps share the code, the later one wins, so that the stored step refuses more.
    for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
      if (step > lastAcceptedStep && MessageDigest.isEqual(offered, codeAt(secret, step))) {
        matched = OptionalLong.of(step);
      }
    }
    return matched;
  }

  /** The code an authenticator app shows at that instant: for tools that act as the app (./kadi api, tests). */
  public String codeAt(TotpSecret secret, Instant at) {
    return new String(codeAt(secret, Math.floorDiv(at.getEpochSecond(), STEP.toSeconds())), US_ASCII);
  }

  private byte[] codeAt(TotpSecret secret, long step) {
    try {
      // TOTP is HOTP with the time step as the counter (RFC 6238 §4.2); we count steps ourselves because we return them.
      // Locale.ROOT, because some default locales format with digits that are not ASCII.
      return hotp.generateOneTimePasswordString(secret.hmacKey(), step, Locale.ROOT).getBytes(US_ASCII);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("a raw HMAC key was refused", e);
    }
  }

  private static boolean isSixAsciiDigits(String code) {
    return code != null && code.length() == DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
