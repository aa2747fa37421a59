package io.kadi.audit.log.domain;

/** What checking a chain from its first entry to its head found. */
public sealed interface Verification {

  /** How many entries were checked. */
  long records();

  /** Every entry links to the one before and matches its hash, sequences run from 1 without gaps, and the head is the last entry. */
  record Intact(long records, long lastSequence, Hash lastHash) implements Verification {}

  /**
   * The chain does not hold from {@code brokenAt} on: the first sequence number at which the log differs from an
   * intact chain (for a gap, the first missing number).
   *
   * @param records the entries checked, the one that revealed the breach included
   */
  record Broken(long records, long brokenAt, Breach breach) implements Verification {}

  enum Breach {
    /** The entry's fields do not produce its stored hash: it was changed after it was written. */
    HASH_MISMATCH,
    /** The entry does not link to the hash of the entry before it. */
    PREVIOUS_HASH_MISMATCH,
    /** An entry is missing: a sequence number was skipped. */
    SEQUENCE_GAP,
    /** The chain's head does not name the last entry: entries were removed from (or added past) the end. */
    HEAD_MISMATCH,
    /**
     * The entry's row no longer reads as an entry (a null, subject ids that are not an object of strings ...): it was
     * changed after it was written, into something audit-service never writes.
     */
    UNREADABLE_ENTRY
  }
}
