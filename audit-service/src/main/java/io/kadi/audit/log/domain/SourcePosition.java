package io.kadi.audit.log.domain;

import java.util.Objects;

/** Where an audited record was read: enough to find it on the broker while the topic retains it. */
public record SourcePosition(String topic, int partition, long offset) {

  public SourcePosition {
    Objects.requireNonNull(topic, "topic");
  }
}
