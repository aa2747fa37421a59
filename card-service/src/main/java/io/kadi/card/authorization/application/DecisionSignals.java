package io.kadi.card.authorization.application;

import io.kadi.card.authorization.domain.Authorization;

/**
 * Tells whichever instance holds the processor's request that its authorization is decided, once the decision
 * commits: the instance that decided it, or any other.
 */
public interface DecisionSignals {

  /** Called inside the transaction that decides. */
  void decided(Authorization authorization);
}
