package io.kadi.audit.log.domain;

import java.util.Objects;

/** The last entry of a chain: what the next entry's sequence and previous hash follow from. */
public record ChainHead(String chainId, long lastSequence, Hash lastHash) {

  /** The one chain audit-service keeps (its head is created by the schema migration). */
  public static final String KADI = "kadi";

  public ChainHead {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(lastHash, "lastHash");
  }

  /** The head of a chain with no entries yet. */
  public static ChainHead genesis(String chainId) {
    return new ChainHead(chainId, 0, Hash.ZERO);
  }
}
