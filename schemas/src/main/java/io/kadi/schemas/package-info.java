/** Kadi's contracts: the topic catalogue, the Avro serde in the Confluent wire format, and schema-registry clients. */
package io.kadi.schemas;
