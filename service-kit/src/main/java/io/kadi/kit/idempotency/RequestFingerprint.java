package io.kadi.kit.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests with one key the same request: method, path, query string and body. The body is kept as
 * its SHA-256 only, so that no secret it holds is stored.
 *
 * @param path the path and, when there is one, the query string, as sent ({@code /v1/cards?x=1})
 * @param bodySha256 the SHA-256 of the body's bytes, in lower-case hex
 */
public record RequestFingerprint(String method, String path, String bodySha256) {

  public static RequestFingerprint of(String method, String path, String query, byte[] body) {
    return new RequestFingerprint(method, query == null ? path : path + "?" + query, sha256(body));
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
