package io.kadi.audit.log.domain;

/**
 * A row of the log as read back: an entry, or a row whose columns no longer make one. audit-service never writes the
 * second kind, so such a row was tampered with, and verification reports it rather than fail on it.
 */
public sealed interface StoredEntry permits ChainEntry, UnreadableEntry {

  /** The row's place in the chain. */
  long sequence();
}
