/**
 * {@code ./kadi bench}: drives {@code POST /v1/authorizations} open loop at fixed offered rates, and measures the Kafka
 * transport floor (two hops on the same broker) in the same run, for comparison.
 */
package io.kadi.localstack.bench;
