package io.kadi.kit.ratelimit;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The rate limiter could not count a request, almost always because PostgreSQL is unreachable: the request must be
 * answered 503, never let through uncounted. A {@link DataAccessResourceFailureException}, so that
 * {@link io.kadi.kit.InfrastructureFailures#isUnavailable} recognises it like any other database outage.
 */
public class RateLimitUnavailableException extends DataAccessResourceFailureException {

  public RateLimitUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
