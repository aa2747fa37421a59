/** Outcomes of card-service operations as values: done, or refused with a stable code shared by REST and Kafka. */
package io.kadi.card.outcome;
