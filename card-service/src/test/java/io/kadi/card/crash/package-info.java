/** A card-service in a child JVM, for tests in which the process really dies. */
package io.kadi.card.crash;
