/**
 * Kafka as every Kadi service uses it: Avro values in the Confluent wire format, safe producer settings, bounded
 * retries then a per-group dead-letter topic, and the catalogue's topics declared at startup.
 */
package io.kadi.kit.kafka;
