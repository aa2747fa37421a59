package io.kadi.kit.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often the relay looks for records that no commit announced: those of a crashed
 *     instance, or those whose publication failed. The happy path does not wait for it.
 * @param batchSize records published per database transaction
 * @param sendTimeout how long the relay waits for Kafka to acknowledge a batch before it retries
 * @param maxBackoff longest pause between retries while Kafka or the database fails
 */
@ConfigurationProperties("kadi.outbox")
public record OutboxProperties(
    @DefaultValue("1s") Duration sweepInterval,
    @DefaultValue("500") int batchSize,
    @DefaultValue("30s") Duration sendTimeout,
    @DefaultValue("10s") Duration maxBackoff) {}
