package io.kadi.kit.idempotency;

import io.kadi.kit.security.CanonicalRequest;


/**
 * What makes two requests with one key the same request: method, path, query string and body. The body is kept as
 * its SHA-256 only, so that no secret it holds is stored.
 *
 * @param path the path and, when there is one, the query string, as sent ({@code /v1/cards?x=1})
 * @param bodySha256 the SHA-256 of the body's bytes, in lower-case hex
 */
public record RequestFingerprint(String method, String path, String bodySha256) {

  public static RequestFingerprint of(String method, String path, String query, byte[] body) {
    return new RequestFingerprint(method, query == null ? path : path + "?" + query, CanonicalRequest.sha256Hex(body));
  }
}
