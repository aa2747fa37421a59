/** Reads kadi.authorizations.v1 and maps its Avro records to the domain's authorizations. */
package io.kadi.risk.scoring.kafka;
