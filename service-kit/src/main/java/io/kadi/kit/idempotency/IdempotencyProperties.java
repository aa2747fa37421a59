package io.kadi.kit.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a key is remembered, from its first use: a request sent again within it is replayed,
 *     one sent later runs again. Keys are deleted at the first purge after it, so they may live up to a purge
 *     interval longer.
 * @param lockTimeout how long a request may hold its key before another request with it may take the key over,
 *     presuming the first one's instance crashed. It must exceed the longest a request can run (async timeouts
 *     included), or a slow request would be taken over and run twice.
 * @param purgeInterval how often keys past the retention are deleted
 */
@ConfigurationProperties("kadi.api.idempotency")
public record IdempotencyProperties(
    @DefaultValue("24h") Duration retention,
    @DefaultValue("60s") Duration lockTimeout,
    @DefaultValue("1h") Duration purgeInterval) {}
