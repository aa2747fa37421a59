/** The card commands consumed from Kafka, and card events written to the outbox. */
package io.kadi.card.issuing.kafka;
