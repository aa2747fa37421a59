/** Cardholder events, mapped to Avro and written to the outbox. */
package io.kadi.card.cardholder.kafka;
