package io.kadi.audit.log.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One entry of the log: an audited record at its place in the chain, linked to the entry before by its hash. */
public record ChainEntry(long sequence, String chainId, AuditedRecord record, Instant recordedAt, Hash previousHash, Hash hash)
    implements StoredEntry {

  public ChainEntry {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** The entry that appends the record after the head, recorded at the given time. */
  public static ChainEntry following(ChainHead head, AuditedRecord record, Instant recordedAt) {
    long sequence = head.lastSequence() + 1;
    // Truncated before hashing: what is hashed must be what PostgreSQL stores, and timestamptz keeps microseconds.
    Instant recorded = recordedAt.truncatedTo(ChronoUnit.MICROS);
    Hash hash = Hash.chaining(head.lastHash(), CanonicalForm.of(sequence, head.chainId(), record, recorded));
    return new ChainEntry(sequence, head.chainId(), record, recorded, head.lastHash(), hash);
  }

  /** The hash this entry's fields call for; it differs from {@link #hash()} when the entry was altered. */
  public Hash computedHash() {
    return Hash.chaining(previousHash, CanonicalForm.of(sequence, chainId, record, recordedAt));
  }

  /** The chain's head once this entry is its last. */
  public ChainHead asHead() {
    return new ChainHead(chainId, sequence, hash);
  }
}
