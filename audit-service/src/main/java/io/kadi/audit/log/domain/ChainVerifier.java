package io.kadi.audit.log.domain;

import io.kadi.audit.log.domain.Verification.Breach;
import io.kadi.audit.log.domain.Verification.Broken;
import io.kadi.audit.log.domain.Verification.Intact;
import java.util.Iterator;

/** Re-checks a chain entry by entry, so that a log of any length is verified in constant memory. */
public final class ChainVerifier {

  private ChainVerifier() {}

  /**
   * Checks the entries, which must come in sequence order, against each other and against the chain's head, and
   * reports the first breach. An unreadable entry is a breach at its sequence, unless one is missing before it.
   */
  public static Verification verify(Iterator<? extends StoredEntry> entries, ChainHead head) {
    long records = 0;
    ChainHead reached = ChainHead.genesis(head.chainId());
    while (entries.hasNext()) {
      StoredEntry stored = entries.next();
      records++;
      long expected = reached.lastSequence() + 1;
      if (stored.sequence() != expected) {
        return new Broken(records, expected, Breach.SEQUENCE_GAP);
      }
      switch (stored) {
        case UnreadableEntry unreadable -> {
          return new Broken(records, unreadable.sequence(), Breach.UNREADABLE_ENTRY);
        }
        case ChainEntry entry -> {
          if (!entry.previousHash().equals(reached.lastHash())) {
            return new Broken(records, entry.sequence(), Breach.PREVIOUS_HASH_MISMATCH);
          }
          if (!entry.hash().equals(entry.computedHash())) {
            return new Broken(records, entry.sequence(), Breach.HASH_MISMATCH);
          }
          reached = entry.asHead();
        }
      }
    }
    if (!reached.equals(head)) {
      return new Broken(records, firstDisagreement(reached, head), Breach.HEAD_MISMATCH);
    }
    return new Intact(records, reached.lastSequence(), reached.lastHash());
  }

  /** Past the shorter of the two, the first entry only one of them has; at the same length, the last entry. */
  private static long firstDisagreement(ChainHead reached, ChainHead head) {
    return reached.lastSequence() == head.lastSequence()
        ? reached.lastSequence()
        : Math.min(reached.lastSequence(), head.lastSequence()) + 1;
  }
}
