package io.kadi.kit.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Counts each API client's requests against the limit of their {@link RateClass}, in Bucket4j token buckets kept in
 * PostgreSQL (table {@value #TABLE} of the service's schema). Every instance of a service counts in the same rows, so
 * the limit holds across instances: five sensitive requests a minute means five, however many instances served them.
 *
 * <p>Each request costs one short transaction of its own on a connection of the data source (a
 * {@code select ... for update} of the bucket's row, an update, a commit), never part of the caller's transaction: a
 * counted request stays counted even if the caller's work rolls back. Call it outside the caller's transaction, or
 * it holds a second connection of the pool.
 *
 * <p>Concurrent requests of one client and class in one instance are sent together (Bucket4j's batching): while one
 * transaction holds the row, those that arrive wait and then go in the next transaction as one batch, each still
 * counted exactly against the bucket's state under the row lock. A hot client (a card processor sending hundreds of
 * authorizations a second) thus costs each instance one transaction at a time, not a queue of connections waiting on
 * one row lock.
 */
public final class RateLimiter {

  static final String TABLE = "rate_limit_buckets";

  /**
   * Bucket proxies are kept only so that concurrent requests of a bucket share its batching; beyond this many the
   * cache starts over, which costs nothing but a moment's batching (the counts are all in PostgreSQL).
   */
  private static final int MAX_CACHED_BUCKETS = 10_000;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
  private final RateLimitProperties properties;
  private final Map<RateClass, BucketConfiguration> configurations = new EnumMap<>(RateClass.class);
  private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();

  /**
   * @param dataSource connections to the service's schema, which holds {@value #TABLE} (a kit migration)
   * @param clock the time buckets are refilled by; it must be wall-clock time, shared by all instances within
   *     the usual NTP skew
   */
  public RateLimiter(DataSource dataSource, RateLimitProperties properties, Clock clock) {
    // Select-for-update rather than advisory locks: a bucket's row is its own lock, so there is no lock id to derive
    // from the string key (advisory lock ids are 64-bit numbers, and colliding keys would queue on each other), and a
    // request takes one round trip fewer (no pg_advisory_xact_lock before the select).
    this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table(TABLE)
        .idColumn("id")
        .stateColumn("state")
        .expiresAtColumn("expires_at")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(properties.retention()))
        .clientClock(new ClockTimeMeter(clock))
        .build();
    this.properties = properties;
    for (RateClass rateClass : RateClass.values()) {
      RateLimitProperties.Limit limit = properties.limit(rateClass);
      configurations.put(rateClass, BucketConfiguration.builder()
          .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
          .build());
    }
  }

  /**
   * Counts one request of the client in its class, if the client's limit allows it.
   *
   * @return whether the request is allowed, with what the client is told about its limit
   * @throws RateLimitUnavailableException when the request could not be counted (PostgreSQL unreachable, say). The
   *     caller answers 503: letting requests through uncounted whenever the database is down would turn an outage
   *     into an open door for exactly the requests (PAN reveals, key management) the limits exist to slow down
   */
  public RateDecision tryConsume(String clientId, RateClass rateClass) {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("A rate limit needs the client's id");
    }
    Objects.requireNonNull(rateClass, "rateClass");
    RateLimitProperties.Limit limit = properties.limit(rateClass);
    ConsumptionProbe probe;
    String key = key(clientId, rateClass, limit);
    try {
      probe = consume(key, rateClass);
    } catch (RuntimeException e) {
      throw new RateLimitUnavailableException(
          "Could not count a " + rateClass.key() + " request of client " + clientId + ": " + e.getMessage(), e);
    }
    return RateDecision.of(probe, limit);
  }

  /**
   * Batched commands can meet a bucket that another transaction has just created and not yet filled in, and Bucket4j
   * then reports it as missing instead of creating it (seen under a new client's first burst: sixteen requests at
   * once). Such a request is counted again through a plain proxy, which creates the bucket when it must.
   */
  private ConsumptionProbe consume(String key, RateClass rateClass) {
    try {
      return bucket(key, rateClass).tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      if (!(e instanceof BucketNotFoundException) && !(e.getCause() instanceof BucketNotFoundException)) {
        throw e;
      }
      BucketConfiguration configuration = configurations.get(rateClass);
      return buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }
  }

  /** Deletes at most {@code max} buckets past their expiry; returns how many. */
  int deleteExpired(int max) {
    return buckets.removeExpired(max);
  }

  /**
   * The bucket's key: the client, the class, and the limit itself. Bucket4j keeps a bucket's configuration in its
   * row and never looks at the configured one again, so with the limit in the key a changed limit takes effect at
   * once (in a new, full bucket) instead of only once a busy client's old bucket happens to expire.
   */
  static String key(String clientId, RateClass rateClass, RateLimitProperties.Limit limit) {
    return clientId + ":" + rateClass.key() + ":" + limit.capacity() + "/" + limit.windowSeconds() + "s";
  }

  private BucketProxy bucket(String key, RateClass rateClass) {
    BucketProxy cached = proxies.get(key);
    if (cached != null) {
      return cached;
    }
    if (proxies.size() >= MAX_CACHED_BUCKETS) {
      proxies.clear();
    }
    BucketConfiguration configuration = configurations.get(rateClass);
    return proxies.computeIfAbsent(key, k -> buckets.builder()
        .withOptimization(Optimizations.batching())
        .build(k, () -> configuration));
  }
}
