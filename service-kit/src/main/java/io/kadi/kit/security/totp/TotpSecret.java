package io.kadi.kit.security.totp;

import java.security.Key;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** The key a user's authenticator app shares with us. Its toString never shows the key, so logging one leaks nothing. */
public final class TotpSecret {

  /** RFC 4226 §4 recommends 160 bits, the length of an HMAC-SHA-1. */
  public static final int LENGTH_BYTES = 20;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base32 BASE32 = new Base32();

  private final byte[] bytes;

  private TotpSecret(byte[] bytes) {
    this.bytes = bytes;
  }

  public static TotpSecret generate() {
    byte[] bytes = new byte[LENGTH_BYTES];
    RANDOM.nextBytes(bytes);
    return new TotpSecret(bytes);
  }

  /** A secret read back from storage. */
  public static TotpSecret of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH_BYTES) {
      throw new IllegalArgumentException("a TOTP secret is " + LENGTH_BYTES + " bytes, not " + bytes.length);
    }
    return new TotpSecret(bytes.clone());
  }

  /** A copy, for storage. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * RFC 4648 Base32, as the otpauth URI carries it. The Key Uri Format wants no padding, and 20 bytes are exactly 32
   * Base32 characters, so there is none to strip.
   */
  public String base32() {
    return BASE32.encodeAsString(bytes);
  }

  /** A seed read back from its Base32 form (a credentials file, an otpauth URI). */
  public static TotpSecret fromBase32(String base32) {
    return of(BASE32.decode(base32.trim()));
  }

  Key hmacKey() {
    return new SecretKeySpec(bytes, "HmacSHA1");
  }

  @Override
  public String toString() {
    return "TotpSecret[redacted]";
  }
}
