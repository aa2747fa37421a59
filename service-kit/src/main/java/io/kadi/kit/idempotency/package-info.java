/**
 * Idempotency keys for API requests, with Stripe's semantics: a POST sent again with the same {@code Idempotency-Key}
 * gets the first response replayed instead of running twice.
 */
package io.kadi.kit.idempotency;
