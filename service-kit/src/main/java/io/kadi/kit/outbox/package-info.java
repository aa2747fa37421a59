/**
 * The transactional outbox: a record is stored in the same database transaction as the state change it reports,
 * and published to Kafka right after the commit, in order per key; records left behind by a crash are published
 * when any instance next sweeps.
 */
package io.kadi.kit.outbox;
