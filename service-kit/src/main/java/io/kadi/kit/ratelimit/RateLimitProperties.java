package io.kadi.kit.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limit of each {@link RateClass}, per API client, and how long idle buckets are kept. Anything left out takes
 * its default, down to half a limit: {@code read.capacity=200} alone gives 200 per second.
 *
 * @param read {@code read.capacity} and {@code read.period}; default 100 requests per second
 * @param write {@code write.capacity} and {@code write.period}; default 100 requests per second
 * @param sensitive {@code sensitive.capacity} and {@code sensitive.period}; default 5 requests per minute
 * @param retention how long a bucket is kept once it has refilled to its capacity; default 1 day. A full bucket holds
 *     nothing a new one would not, so any value is safe: a shorter one only keeps the table smaller
 * @param purgeInterval how often buckets past their retention are deleted; default 1 hour
 */
@ConfigurationProperties("kadi.api.rate-limits")
public record RateLimitProperties(
    Limit read, Limit write, Limit sensitive, Duration retention, Duration purgeInterval) {

  public static final Limit DEFAULT_READ = new Limit(100, Duration.ofSeconds(1));
  public static final Limit DEFAULT_WRITE = new Limit(100, Duration.ofSeconds(1));
  public static final Limit DEFAULT_SENSITIVE = new Limit(5, Duration.ofMinutes(1));
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(1);
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);

  public RateLimitProperties {
    read = Limit.completed(read, DEFAULT_READ, "read");
    write = Limit.completed(write, DEFAULT_WRITE, "write");
    sensitive = Limit.completed(sensitive, DEFAULT_SENSITIVE, "sensitive");
    retention = retention == null ? DEFAULT_RETENTION : retention;
    purgeInterval = purgeInterval == null ? DEFAULT_PURGE_INTERVAL : purgeInterval;
    if (retention.isNegative()) {
      throw new IllegalArgumentException("kadi.api.rate-limits.retention must not be negative: " + retention);
    }
    if (!purgeInterval.isPositive()) {
      throw new IllegalArgumentException("kadi.api.rate-limits.purge-interval must be positive: " + purgeInterval);
    }
  }

  /** Every limit at its default. */
  public static RateLimitProperties defaults() {
    return new RateLimitProperties(null, null, null, null, null);
  }

  public Limit limit(RateClass rateClass) {
    return switch (rateClass) {
      case READ -> read;
      case WRITE -> write;
      case SENSITIVE -> sensitive;
    };
  }

  /**
   * At most {@code capacity} requests per {@code period}, refilled greedily: a token comes back every
   * {@code period / capacity}, not all at once at the end of the period, so a client that keeps to the rate is never
   * refused, and one that used its burst gets requests back at the rate, not after a wall.
   *
   * @param capacity requests a client may make at once, and per period; at least 1. Null where it binds takes the
   *     class's default
   * @param period the window, in whole seconds ({@code RateLimit-Policy} states it in seconds). Null where it binds
   *     takes the class's default
   */
  public record Limit(Integer capacity, Duration period) {

    /** The limit with what it leaves out taken from the default, checked. */
    static Limit completed(Limit given, Limit defaults, String name) {
      Limit limit = given == null ? defaults : new Limit(
          given.capacity() == null ? defaults.capacity() : given.capacity(),
          given.period() == null ? defaults.period() : given.period());
      if (limit.capacity() < 1) {
        throw new IllegalArgumentException(
            "kadi.api.rate-limits." + name + ".capacity must be at least 1: " + limit.capacity());
      }
      if (limit.period().compareTo(Duration.ofSeconds(1)) < 0 || limit.period().toNanosPart() != 0) {
        throw new IllegalArgumentException(
            "kadi.api.rate-limits." + name + ".period must be a whole number of seconds, at least 1s: "
                + limit.period());
      }
      return limit;
    }

    /** The window in seconds, as {@code RateLimit-Policy} states it. */
    public long windowSeconds() {
      return period.toSeconds();
    }
  }
}
