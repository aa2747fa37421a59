package io.kadi.kit.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param partitions partitions of each catalogue topic and dead-letter topic the service declares
 * @param retries times a failed record is retried before it goes to the dead-letter topic
 * @param retryInitialInterval pause before the first retry; it doubles with each retry
 * @param retryMaxInterval longest pause between retries
 */
@ConfigurationProperties("kadi.kafka")
public record KadiKafkaProperties(
    @DefaultValue("6") int partitions,
    @DefaultValue("3") int retries,
    @DefaultValue("200ms") Duration retryInitialInterval,
    @DefaultValue("2s") Duration retryMaxInterval) {}
