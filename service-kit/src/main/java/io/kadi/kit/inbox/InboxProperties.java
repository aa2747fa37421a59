package io.kadi.kit.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a processed message id is remembered. A redelivery older than this would run again, so
 *     keep it well beyond Kafka's retention (7 days by default) and beyond any dead-letter replay you may do.
 * @param purgeInterval how often ids older than the retention are deleted
 */
@ConfigurationProperties("kadi.inbox")
public record InboxProperties(
    @DefaultValue("30d") Duration retention,
    @DefaultValue("1h") Duration purgeInterval) {}
