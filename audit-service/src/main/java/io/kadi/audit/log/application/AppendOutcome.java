package io.kadi.audit.log.application;

import io.kadi.audit.log.domain.ChainEntry;
import io.kadi.audit.log.domain.LoggedEvent;

/** What appending a record to the log did. */
public sealed interface AppendOutcome {

  /** The record is the chain's new entry. */
  record Appended(ChainEntry entry) implements AppendOutcome {}

  /**
   * The record is in the log already, at {@code sequence}: a Kafka redelivery, or an at-least-once relay's second
   * copy. Nothing was appended, and nothing needs to be.
   */
  record AlreadyInLog(long sequence) implements AppendOutcome {}

  /**
   * Another record holds the event id, in the entry {@code logged}: its producer reused the id. Nothing was appended,
   * and this record cannot be without a second entry for one event id.
   */
  record EventIdReused(LoggedEvent logged) implements AppendOutcome {}
}
