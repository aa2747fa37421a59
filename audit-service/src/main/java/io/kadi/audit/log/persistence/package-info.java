/** The log's tables in PostgreSQL: entries, append-only by trigger, and each chain's head, locked by every append. */
package io.kadi.audit.log.persistence;
