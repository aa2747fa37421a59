/**
 * Authorizations, the hot path: a hold at request time, limits-service's and risk-service's answers joined over
 * Kafka, a decision within the budget, then capture or reversal.
 */
package io.kadi.card.authorization;
