package io.kadi.schemas.registry;

import org.apache.avro.Schema;

/** The part of the Confluent Schema Registry that the serde needs. Implementations are thread-safe. */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject, or finds it there, and returns its global id. */
  int register(String subject, Schema schema);

  /** The id of a schema already registered under the subject; fails when it is not registered. */
  int idOf(String subject, Schema schema);

  /** The schema with this global id; fails when there is none. */
  Schema schemaById(int id);
}
