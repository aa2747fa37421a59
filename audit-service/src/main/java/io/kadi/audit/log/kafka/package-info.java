/** Reads every catalogue topic but the log's own, and turns each record, whatever its type, into an audited record. */
package io.kadi.audit.log.kafka;
