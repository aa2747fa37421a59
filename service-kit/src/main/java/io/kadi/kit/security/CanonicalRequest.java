package io.kadi.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a request's signature covers, one part per line (docs/api-security.md#signing has the exact form and a
 * shell version):
 *
 * <pre>
 * KADI1-HMAC-SHA256
 * POST                                  the method, upper case
 * /v1/cards/abc/fundings                the path exactly as sent, still percent-encoded
 * limit=10&amp;starting_after=x            the query's name=value pairs as sent, sorted by name (a repeated name keeps the
 *                                       order its values were sent in), joined with &amp;
 * 1764165600                            Kadi-Timestamp: Unix seconds
 * 3f2c...                               Kadi-Nonce
 * ksk_test_...                          Kadi-Key
 * e3b0c442...                           SHA-256 of the body bytes, lower-case hex (of nothing, for no body)
 * </pre>
 *
 * The signature is the lower-case hex HMAC-SHA256 of those lines (joined with \n, no trailing newline) under the
 * key's secret. Parts are taken as sent, never decoded and re-encoded, so that any client computes the same text
 * without an encoding library.
 */
public record CanonicalRequest(String method, String path, String query, long timestamp, String nonce, String keyId,
    String bodySha256) {

  public static final String ALGORITHM = "KADI1-HMAC-SHA256";

  public static CanonicalRequest of(String method, String path, String rawQuery, long timestamp, String nonce,
      String keyId, byte[] body) {
    return new CanonicalRequest(method, path, sortedQuery(rawQuery), timestamp, nonce, keyId, sha256Hex(body));
  }

  public String text() {
    return String.join("\n", ALGORITHM, method, path, query, Long.toString(timestamp), nonce, keyId, bodySha256);
  }

  public byte[] signature(byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(text().getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  public String signatureHex(byte[] secret) {
    return HexFormat.of().formatHex(signature(secret));
  }

  /**
   * Whether the hex signature given is this request's under the secret, compared in constant time (the time taken
   * does not tell an attacker how many leading bytes were right).
   */
  public boolean isSignedBy(byte[] secret, String givenHex) {
    byte[] given;
    try {
      given = HexFormat.of().parseHex(givenHex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(signature(secret), given);
  }

  static String sortedQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    // Sorted by name only, and stably, so that the order of a repeated parameter's values is signed too: a=1&a=2 and
    // a=2&a=1 bind differently.
    return Arrays.stream(rawQuery.split("&"))
        .sorted(Comparator.comparing((String pair) -> pair.split("=", 2)[0]))
        .collect(Collectors.joining("&"));
  }

  /** Lower-case hex SHA-256 of the bytes (of nothing, for null): the body's part, and the idempotency fingerprint's. */
  public static String sha256Hex(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
