/** Authorization events out, limits-service's and risk-service's results in. */
package io.kadi.card.authorization.kafka;
