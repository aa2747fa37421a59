package io.kadi.kit.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A key id and its secret, and the headers that sign a request with them: what an integrator's client does, used
 * by Kadi's own tools (./kadi api, the benchmark, tests). The secret never leaves this object except as signatures.
 */
public final class ApiCredentials {

  public static final String KEY_HEADER = "Kadi-Key";
  public static final String TIMESTAMP_HEADER = "Kadi-Timestamp";
  public static final String NONCE_HEADER = "Kadi-Nonce";
  public static final String SIGNATURE_HEADER = "Kadi-Signature";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String keyId;
  private final byte[] secret;
  private final Clock clock;

  public ApiCredentials(String keyId, String secret) {
    this(keyId, secret, Clock.systemUTC());
  }

  public ApiCredentials(String keyId, String secret, Clock clock) {
    this.keyId = keyId;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  public String keyId() {
    return keyId;
  }

  /** The four signing headers for this request, with the current time and a fresh nonce. */
  public Map<String, String> sign(String method, URI uri, byte[] body) {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return sign(method, uri, body, clock.instant().getEpochSecond(), HexFormat.of().formatHex(nonce));
  }

  public Map<String, String> sign(String method, URI uri, byte[] body, long timestamp, String nonce) {
    CanonicalRequest canonical = CanonicalRequest.of(method, uri.getRawPath(), uri.getRawQuery(), timestamp, nonce, keyId, body);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(KEY_HEADER, keyId);
    headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
    headers.put(NONCE_HEADER, nonce);
    headers.put(SIGNATURE_HEADER, canonical.signatureHex(secret));
    return headers;
  }

  @Override
  public String toString() {
    return "ApiCredentials[" + keyId + "]";
  }
}
