package io.kadi.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry could not answer (unreachable, or a server error): the record itself may be perfectly good.
 * Consumers retry it until the registry is back, rather than dead-letter it.
 */
public class SchemaRegistryUnavailableException extends SerializationException {

  public SchemaRegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
