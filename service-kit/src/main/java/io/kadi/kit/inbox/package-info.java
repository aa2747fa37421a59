/** The idempotent-consumer inbox: processed message ids commit with their effects, so a redelivery has no second effect. */
package io.kadi.kit.inbox;
