/** Test support for limits-service: the shared test context, authorization records as card-service writes them, and the reservations as SQL sees them. */
package io.kadi.limits.testing;
