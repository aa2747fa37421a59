/**
 * Kafka serializer and deserializer for Avro records in the Confluent wire format (magic byte 0, a 4-byte big-endian
 * schema id, Avro binary), with TopicRecordNameStrategy subjects. Configuration keys are Confluent's, so
 * Confluent's {@code KafkaAvroSerializer} can replace these by configuration alone.
 */
package io.kadi.schemas.serde;
