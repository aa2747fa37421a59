package io.kadi.kit.ratelimit;

import io.kadi.kit.janitor.Janitor;

/**
 * Deletes the buckets of clients idle for longer than the retention. Each bucket's expiry is written with it (when it
 * would be full again, plus the retention), so a bucket in use never expires and a deleted one loses nothing: the
 * client's next request starts a full bucket, as it would have found this one.
 */
public final class RateLimitJanitor extends Janitor {

  private final RateLimiter limiter;

  public RateLimitJanitor(RateLimiter limiter, RateLimitProperties properties) {
    super("rate limit buckets", properties.purgeInterval());
    this.limiter = limiter;
  }

  @Override
  protected int deleteBatch(int max) {
    return limiter.deleteExpired(max);
  }
}
