/** Which sandbox requests ask card-service to simulate a failure, as plain Java. */
package io.kadi.card.sandbox.domain;
