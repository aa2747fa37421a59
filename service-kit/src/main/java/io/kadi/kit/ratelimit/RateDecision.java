package io.kadi.kit.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Whether a request fits its client's limit, and what the client is told about that limit in the headers of
 * draft-ietf-httpapi-ratelimit-headers (the form with separate {@code RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset} fields).
 *
 * @param allowed whether the request may go ahead; a refused one is answered 429
 * @param limit the capacity: requests a client may make at once, and per window
 * @param remaining requests the client may still make at once, after this one if it was allowed
 * @param resetSeconds seconds until the client could again make {@code limit} requests at once (the bucket is full),
 *     rounded up; 0 only for a full bucket
 * @param retryAfterSeconds for a refused request, seconds until one more would be allowed, rounded up and at least 1;
 *     0 for an allowed one
 * @param windowSeconds the period over which {@code limit} requests are allowed
 */
public record RateDecision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
    long windowSeconds) {

  public static final String LIMIT_HEADER = "RateLimit-Limit";
  public static final String REMAINING_HEADER = "RateLimit-Remaining";
  public static final String RESET_HEADER = "RateLimit-Reset";
  public static final String POLICY_HEADER = "RateLimit-Policy";
  public static final String RETRY_AFTER_HEADER = "Retry-After";

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  public RateDecision {
    if (limit < 1 || remaining < 0 || remaining > limit || resetSeconds < 0 || windowSeconds < 1) {
      throw new IllegalArgumentException("Inconsistent rate decision: limit " + limit + ", remaining " + remaining
          + ", reset " + resetSeconds + ", window " + windowSeconds);
    }
    if (allowed ? retryAfterSeconds != 0 : retryAfterSeconds < 1) {
      throw new IllegalArgumentException("Retry-After is for refused requests only, and then at least 1 second; "
          + (allowed ? "allowed" : "refused") + " with " + retryAfterSeconds);
    }
  }

  /** The decision Bucket4j's probe describes, for a bucket with the limit. */
  static RateDecision of(ConsumptionProbe probe, RateLimitProperties.Limit limit) {
    long remaining = Math.clamp(probe.getRemainingTokens(), 0, limit.capacity());
    long reset = secondsRoundedUp(probe.getNanosToWaitForReset());
    long retryAfter = probe.isConsumed() ? 0 : Math.max(1, secondsRoundedUp(probe.getNanosToWaitForRefill()));
    return new RateDecision(probe.isConsumed(), limit.capacity(), remaining, reset, retryAfter, limit.windowSeconds());
  }

  /**
   * Sets the rate limit headers on the response, and {@code Retry-After} when the request was refused. The status
   * (429 for a refused request) and the body are the caller's.
   */
  public void writeHeaders(HttpServletResponse response) {
    response.setHeader(LIMIT_HEADER, Long.toString(limit));
    response.setHeader(REMAINING_HEADER, Long.toString(remaining));
    response.setHeader(RESET_HEADER, Long.toString(resetSeconds));
    response.setHeader(POLICY_HEADER, policy());
    if (!allowed) {
      response.setHeader(RETRY_AFTER_HEADER, Long.toString(retryAfterSeconds));
    }
  }

  /** The quota policy, as {@code RateLimit-Policy} states it: {@code 100;w=1} is 100 requests per second. */
  public String policy() {
    return limit + ";w=" + windowSeconds;
  }

  private static long secondsRoundedUp(long nanos) {
    return Math.ceilDiv(Math.max(0, nanos), NANOS_PER_SECOND);
  }
}
