package io.kadi.kit.security;

import io.kadi.kit.ratelimit.RateClass;
import io.kadi.kit.ratelimit.RateDecision;
import io.kadi.kit.ratelimit.RateLimiter;
import io.kadi.kit.security.totp.TotpSecret;
import io.kadi.kit.security.totp.TotpVerifier;
import io.kadi.kit.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Step-up for privileged operations ({@link StepUp}): the client's TOTP code (RFC 6238) in {@code Kadi-TOTP}. An
 * accepted code elevates its key for the step-up window, so that a person doing several privileged operations types
 * one code, not one per request; a window of zero asks for a code every time. A code is accepted once: its time step
 * must be later than the key's last accepted one, which the service's instances share in its {@code step_ups} table.
 */
public final class StepUps {

  public static final String HEADER = "Kadi-TOTP";

  private final JdbcClient jdbc;
  private final SecretCipher cipher;
  private final RateLimiter limits;
  private final TotpVerifier verifier = new TotpVerifier();
  private final Duration window;
  private final Clock clock;

  public StepUps(JdbcClient jdbc, SecretCipher cipher, RateLimiter limits, Duration window, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.limits = limits;
    this.window = window;
    this.clock = clock;
  }

  /**
   * For an operation that is privileged only sometimes (raising a spending limit above the program's ceiling): returns
   * when the request's key has stepped up, or does with this request's code; throws the refusal otherwise.
   */
  public void require(HttpServletRequest request) {
    require(request, (ApiKey) request.getAttribute(ApiAuthenticationFilter.CLAIMED_KEY), false, false);
  }

  /**
   * Returns when the request may go on; throws the refusal otherwise. Every code checked costs the client one of its
   * sensitive requests (5 a minute by default), unless the operation is sensitive and has paid already: six digits
   * cannot be guessed through an endpoint that counts as a mere write.
   */
  void require(HttpServletRequest request, ApiKey key, boolean unlessNotEnrolled, boolean alreadyCountedAsSensitive) {
    ApiKey.Totp totp = key.totp();
    if (totp == null || !totp.confirmed()) {
      if (unlessNotEnrolled) {
        return;
      }
      throw new ApiException(HttpStatus.FORBIDDEN, "step_up_not_enrolled", "This operation needs a TOTP code, and this "
          + "client has no confirmed TOTP. Enrol one: POST /v1/api_clients/{id}/totp, then .../totp/confirm.");
    }
    Instant now = clock.instant();
    String code = request.getHeader(HEADER);
    if (code == null) {
      if (elevatedAt(key.id(), now)) {
        return;
      }
      throw new ApiException(HttpStatus.UNAUTHORIZED, "step_up_required",
          "This operation needs the client's current TOTP code in the " + HEADER + " header.");
    }
    if (!alreadyCountedAsSensitive) {
      RateDecision decision = limits.tryConsume(key.clientId().toString(), RateClass.SENSITIVE);
      if (!decision.allowed()) {
        throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "This client checked more TOTP codes than its "
            + "sensitive limit of " + decision.policy() + " allows. Retry after " + decision.retryAfterSeconds() + " s.",
            Map.of("rate_class", RateClass.SENSITIVE.key()));
      }
    }
    TotpSecret secret = TotpSecret.of(cipher.open(ApiKey.totpOwner(key.clientId()), totp.keyVersion(), totp.ciphertext()));
    OptionalLong step = verifier.verify(secret, code, now, TotpVerifier.NO_STEP_ACCEPTED);
    if (step.isEmpty()) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_totp", "The " + HEADER + " code is not the client's "
          + "current one. Check the authenticator app and the device's clock.");
    }
    if (!accept(key.id(), step.getAsLong(), now.plus(window))) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "totp_reused",
          "This TOTP code was already used. Wait for the next one.");
    }
  }

  private boolean elevatedAt(String keyId, Instant now) {
    return jdbc.sql("select exists (select 1 from step_ups where key_id = ? and elevated_until > ?)")
        .params(keyId, Timestamp.from(now)).query(Boolean.class).single();
  }

  /** Records the step; false when the key already used it or a later one (on any instance). */
  private boolean accept(String keyId, long step, Instant elevatedUntil) {
    return jdbc.sql("""
            insert into step_ups (key_id, last_step, elevated_until) values (?, ?, ?)
            on conflict (key_id) do update set last_step = excluded.last_step, elevated_until = excluded.elevated_until
             where step_ups.last_step < excluded.last_step""")
        .params(keyId, step, Timestamp.from(elevatedUntil))
        .update() == 1;
  }
}
