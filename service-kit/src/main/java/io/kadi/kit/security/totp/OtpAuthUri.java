package io.kadi.kit.security.totp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.Objects;

/**
 * What an authenticator app scans from a QR code to enrol a secret, in Google Authenticator's Key Uri Format. Its
 * toString shows no secret; {@link #toUriString()} does, and is for the QR code only.
 */
public record OtpAuthUri(String issuer, String account, TotpSecret secret) {

  public OtpAuthUri {
    requireLabelPart(issuer, "issuer");
    requireLabelPart(account, "account");
    Objects.requireNonNull(secret, "secret");
  }

  public String toUriString() {
    return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
        + "?secret=" + secret.base32()
        + "&issuer=" + encode(issuer)
        + "&algorithm=SHA1&digits=" + TotpVerifier.DIGITS + "&period=" + TotpVerifier.STEP.toSeconds();
  }

  /**
   * The format forbids a colon in either part: apps split the label at the first colon, literal or encoded, so
   * encoding one would not keep it in its part.
   */
  private static void requireLabelPart(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.indexOf(':') >= 0) {
      throw new IllegalArgumentException(name + " must be non-blank and without a colon: " + value);
    }
  }

  /** URLEncoder writes form encoding; in a URI a '+' is a plus, so spaces must be %20 (RFC 3986). */
  private static String encode(String value) {
    return URLEncoder.encode(value, UTF_8).replace("+", "%20");
  }
}
