package io.kadi.kit.idempotency;

import io.kadi.kit.InfrastructureFailures;
import io.kadi.kit.security.BufferedBodyRequest;
import io.kadi.kit.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Makes every POST that carries an {@code Idempotency-Key} safe to send again, with Stripe's semantics: the first
 * request with a key runs, and its response is stored and replayed, byte for byte and with
 * {@code Idempotent-Replayed: true}, to every later request with the key and the same method, path, query string and
 * body. Keys are scoped per caller. docs/idempotency.md is the client's guide.
 *
 * <ul>
 *   <li>A key of the wrong shape: 400 {@code invalid_idempotency_key}. (Authentication, which runs first, has read
 *       the body whole and refused one over the limit.)</li>
 *   <li>The key used for a different request: 422 {@code idempotency_key_reused}, whether that request completed
 *       or not.</li>
 *   <li>The key's first request still running: 409 {@code idempotency_key_in_use} with {@code Retry-After: 1}, at
 *       once.</li>
 *   <li>An answer with {@code Cache-Control: no-store} (it shows a secret once) is never stored: a retry runs again.</li>
 *   <li>Only outcomes are stored ({@link StoredResponse#isOutcome}): after a 5xx, 401, 403, 409 or 429, or a response
 *       the container finished ({@code sendError}), the key is released and the next request with it runs.</li>
 * </ul>
 *
 * <p>An asynchronous handler (Spring MVC returning a CompletableFuture, say) has its response captured when the async
 * dispatch completes, as ShallowEtagHeaderFilter does: register this filter for the ASYNC dispatcher type too.
 *
 * <p><b>The crash window.</b> The claim commits before the handler runs, and the response is stored after the
 * handler's own transaction has committed, in another. If the instance dies between the two (or the store fails), the
 * effects are committed but no response is stored: the claim stays in progress, requests with the key get 409 until
 * the lock timeout, and the first one after it runs the request again. The same happens to a request that runs longer
 * than the lock timeout. What protects against doubling then is the operation's own idempotency (a funding's
 * {@code reference}, say), not this filter; an operation without one (creating a card) would be done twice.
 *
 * <p>Bodies, of requests and of responses, are never logged: they can hold secrets.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

  public static final String KEY_HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
  /** Holds a request's claim from its first dispatch to the async dispatch that completes it. */
  private static final String RUNNING = IdempotencyFilter.class.getName() + ".running";
  private static final String IN_USE_RETRY_AFTER_SECONDS = "1";
  private static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "2";

  private final IdempotencyKeyStore keys;
  private final Function<HttpServletRequest, String> callers;

  /**
   * @param callers names the caller of a request (the authenticated API client); a request it names no caller for
   *     (null) passes through untouched, so the filter must run after the authentication that names callers
   */
  public IdempotencyFilter(IdempotencyKeyStore keys, Function<HttpServletRequest, String> callers) {
    this.keys = keys;
    this.callers = callers;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(KEY_HEADER) == null;
  }

  /** The async dispatch is where an asynchronous handler's response is complete, and stored. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isAsyncDispatch(request)) {
      Running running = (Running) request.getAttribute(RUNNING);
      if (running == null) {
        chain.doFilter(request, response);
      } else {
        proceed(running, request, response, chain);
      }
      return;
    }
    String caller = callers.apply(request);
    if (caller == null) {
      chain.doFilter(request, response);
      return;
    }
    String key = request.getHeader(KEY_HEADER);
    if (!IdempotencyKeyFormat.isValid(key) || Collections.list(request.getHeaders(KEY_HEADER)).size() > 1) {
      refuse(request, response, HttpStatus.BAD_REQUEST, "invalid_idempotency_key", "The Idempotency-Key header must be "
          + "sent once, with 1 to " + IdempotencyKeyFormat.MAX_LENGTH + " printable ASCII characters.");
      return;
    }
    BufferedBodyRequest buffered = WebUtils.getNativeRequest(request, BufferedBodyRequest.class);
    if (buffered == null) {
      throw new IllegalStateException("Idempotency keys need the body read whole by authentication, which runs first");
    }
    byte[] body = buffered.body();
    RequestFingerprint fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(),
        request.getQueryString(), body);
    Claim claim;
    try {
      claim = keys.claim(caller, key, fingerprint);
    } catch (RuntimeException e) {
      if (!InfrastructureFailures.isUnavailable(e)) {
        throw e;
      }
      log.warn("Could not claim idempotency key '{}' of {}: {}", key, caller, e.getMessage());
      response.setHeader(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS);
      refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
          "A service this request needs is unavailable for a moment. Try again shortly.");
      return;
    }
    switch (claim) {
      case Claim.Granted granted -> {
        Running running = new Running(caller, key, granted.id(), new CapturingResponse(response));
        request.setAttribute(RUNNING, running);
        proceed(running, request, running.response(), chain);
      }
      case Claim.Completed completed -> replay(completed.response(), response);
      case Claim.InProgress inProgress -> {
        response.setHeader(HttpHeaders.RETRY_AFTER, IN_USE_RETRY_AFTER_SECONDS);
        refuse(request, response, HttpStatus.CONFLICT, "idempotency_key_in_use",
            "A request with this Idempotency-Key is still running. Retry once it has completed.");
      }
      case Claim.Reused reused -> refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
          "This Idempotency-Key was used for a different request (method, path, query or body). Use a new key for a new "
              + "request.");
    }
  }

  /** Runs the request; unless it went asynchronous, stores or releases its outcome and sends the response. */
  private void proceed(Running running, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      release(running);
      throw e;
    }
    if (!isAsyncStarted(request)) {
      request.removeAttribute(RUNNING);
      finish(running);
    }
  }

  /**
   * An answer marked {@code Cache-Control: no-store} holds something shown once (a new API secret, a TOTP seed): it is
   * never stored, so a retry with the key runs again rather than showing it twice.
   */
  private static boolean holdsASecret(CapturingResponse captured) {
    String cacheControl = captured.getHeader(HttpHeaders.CACHE_CONTROL);
    return cacheControl != null && cacheControl.contains("no-store");
  }

  private void finish(Running running) throws IOException {
    CapturingResponse captured = running.response();
    int status = captured.getStatus();
    if (!captured.escapedCapture() && StoredResponse.isOutcome(status) && !holdsASecret(captured)) {
      store(running, new StoredResponse(status, captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
          captured.getContentAsByteArray()));
    } else {
      release(running);
    }
    // Stored first, sent after: a client that sends the key again once it has the response finds it completed.
    captured.copyBodyToResponse();
  }

  /** A failure to store is logged, not answered: the request's effects are committed, and its response is true. */
  private void store(Running running, StoredResponse response) {
    try {
      if (!keys.complete(running.caller(), running.key(), running.claimId(), response)) {
        log.warn("Idempotency key '{}' of {} was taken over while its request ran (longer than the lock timeout?); "
            + "its response ({}) is not stored", running.key(), running.caller(), response.status());
      }
    } catch (RuntimeException e) {
      log.warn("Could not store the response to idempotency key '{}' of {}; the key stays in progress until the lock "
          + "timeout", running.key(), running.caller(), e);
    }
  }

  private void release(Running running) {
    try {
      keys.release(running.caller(), running.key(), running.claimId());
    } catch (RuntimeException e) {
      log.warn("Could not release idempotency key '{}' of {}; it stays in progress until the lock timeout",
          running.key(), running.caller(), e);
    }
  }

  private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
    response.setStatus(stored.status());
    if (stored.contentType() != null) {
      response.setContentType(stored.contentType());
    }
    if (stored.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, stored.location());
    }
    response.setHeader(REPLAYED_HEADER, "true");
    response.setContentLength(stored.body().length);
    response.getOutputStream().write(stored.body());
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
      String detail) throws IOException {
    Problems.write(request, response, Problems.of(status, code, detail));
  }

  /** A request holding its key's claim, and its response held back until it is stored. */
  private record Running(String caller, String key, UUID claimId, CapturingResponse response) {}
}
