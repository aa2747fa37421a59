package io.kadi.kit.security;

import static io.kadi.kit.security.ApiCredentials.KEY_HEADER;
import static io.kadi.kit.security.ApiCredentials.NONCE_HEADER;
import static io.kadi.kit.security.ApiCredentials.SIGNATURE_HEADER;
import static io.kadi.kit.security.ApiCredentials.TIMESTAMP_HEADER;

import io.kadi.kit.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every API request before anything else reads it: the key it names must exist, be neither revoked nor
 * expired, and have signed the request (docs/api-security.md#signing); the timestamp must be within the allowed skew;
 * the caller's address must be on the client's allowlist; and the nonce must be new for the key on every instance.
 * A refused request gets a problem with its own code and reaches no handler. An accepted one carries its
 * {@link ApiCaller}. The order of the checks is deliberate: nothing about the key's state or allowlist is told to a
 * request that cannot sign, and a nonce is only recorded for a request that could.
 */
public final class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String SOURCE_ADDRESS = ApiAuthenticationFilter.class.getName() + ".sourceAddress";
  static final String NAMED_KEY = ApiAuthenticationFilter.class.getName() + ".namedKey";
  static final String CLAIMED_KEY = ApiAuthenticationFilter.class.getName() + ".claimedKey";

  private static final Pattern KEY_ID = Pattern.compile("ksk_(test|live)_[0-9a-f]{32}");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

  private final ApiKeys keys;
  private final Nonces nonces;
  private final ClientAddress addresses;
  private final ApiSecurityProperties properties;
  private final Clock clock;

  public ApiAuthenticationFilter(ApiKeys keys, Nonces nonces, ClientAddress addresses, ApiSecurityProperties properties,
      Clock clock) {
    this.keys = keys;
    this.nonces = nonces;
    this.addresses = addresses;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isApi(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    InetAddress source = addresses.of(request);
    request.setAttribute(SOURCE_ADDRESS, source);
    List<String> missing = java.util.stream.Stream.of(KEY_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER)
        .filter(header -> request.getHeader(header) == null).toList();
    if (!missing.isEmpty()) {
      refuse(request, response, HttpStatus.UNAUTHORIZED, "missing_signature", "Every request must be signed: "
          + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing. See docs/api-security.md#signing.");
      return;
    }
    String keyId = request.getHeader(KEY_HEADER);
    String timestamp = request.getHeader(TIMESTAMP_HEADER);
    String nonce = request.getHeader(NONCE_HEADER);
    if (!KEY_ID.matcher(keyId).matches() || !TIMESTAMP.matcher(timestamp).matches() || !NONCE.matcher(nonce).matches()) {
      refuse(request, response, HttpStatus.UNAUTHORIZED, "malformed_signature",
          "Kadi-Key must be a key id (ksk_test_... or ksk_live_...), Kadi-Timestamp Unix seconds, and Kadi-Nonce 16 to 64 "
              + "characters of A-Z, a-z, 0-9, _ and -.");
      return;
    }
    request.setAttribute(NAMED_KEY, keyId);
    Optional<BufferedBodyRequest> buffered = BufferedBodyRequest.read(request, properties.maxBodySize().toBytes());
    if (buffered.isEmpty()) {
      refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
          "The body is larger than " + properties.maxBodySize().toKilobytes() + " KB.");
      return;
    }
    Optional<ApiKey> found = keys.find(keyId);
    if (found.isEmpty()) {
      refuse(request, response, HttpStatus.UNAUTHORIZED, "unknown_key", "No API key " + keyId + ".");
      return;
    }
    ApiKey key = found.get();
    request.setAttribute(CLAIMED_KEY, key);
    CanonicalRequest canonical = CanonicalRequest.of(request.getMethod(), request.getRequestURI(), request.getQueryString(),
        Long.parseLong(timestamp), nonce, keyId, buffered.get().body());
    if (!canonical.isSignedBy(key.secret(), request.getHeader(SIGNATURE_HEADER))) {
      refuse(request, response, HttpStatus.UNAUTHORIZED, "invalid_signature", "The signature does not match the request. "
          + "Sign exactly the method, path, query, timestamp, nonce, key id and body sent (docs/api-security.md#signing).");
      return;
    }
    Instant now = clock.instant();
    if (key.isRevoked()) {
      refuse(request, response, HttpStatus.UNAUTHORIZED, "key_revoked", "API key " + keyId + " was revoked.");
      return;
    }
    if (key.isExpiredAt(now)) {
      refuse(request, response, HttpStatus.UNAUTHORIZED, "key_expired", "API key " + keyId + " expired at "
          + key.expiresAt() + ", after a rotation. Use the client's current key.");
      return;
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    if (Duration.between(signedAt, now).abs().compareTo(properties.clockSkew()) > 0) {
      refuse(request, response, HttpStatus.UNAUTHORIZED, "timestamp_out_of_range", "Kadi-Timestamp is more than "
          + properties.clockSkew().toSeconds() + " s from the server's clock. Check the client's clock.",
          Map.of("server_time", now.getEpochSecond()));
      return;
    }
    if (!key.admits(source)) {
      refuse(request, response, HttpStatus.FORBIDDEN, "ip_not_allowed",
          "Requests from " + source.getHostAddress() + " are not on this client's allowlist.");
      return;
    }
    // Kept for twice the skew: the janitor goes by the database's clock, which may run ahead of this instance's.
    if (!nonces.firstUse(keyId, nonce, signedAt.plus(properties.clockSkew().multipliedBy(2)))) {
      refuse(request, response, HttpStatus.UNAUTHORIZED, "request_replayed",
          "This key already sent a request with this Kadi-Nonce. Use a new nonce for every request.");
      return;
    }
    request.setAttribute(ApiCaller.ATTRIBUTE, ApiCaller.of(key));
    chain.doFilter(buffered.get(), response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
      String detail) throws IOException {
    refuse(request, response, status, code, detail, Map.of());
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
      String detail, Map<String, Object> properties) throws IOException {
    ProblemDetail problem = Problems.of(status, code, detail);
    properties.forEach(problem::setProperty);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", CanonicalRequest.ALGORITHM);
    }
    Problems.write(request, response, problem);
  }
}
