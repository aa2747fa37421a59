package io.kadi.card.issuing.domain;

import java.util.Optional;

/**
 * A card's status. Active cards may be frozen or terminated, frozen cards unfrozen or terminated, and a terminated
 * card stays terminated.
 */
public enum CardStatus {
  ACTIVE,
  FROZEN,
  TERMINATED;

  /** The status after the action, or empty when the action is not allowed from this status. */
  public Optional<CardStatus> after(LifecycleAction action) {
    return Optional.ofNullable(switch (action) {
      case FREEZE -> this == ACTIVE ? FROZEN : null;
      case UNFREEZE -> this == FROZEN ? ACTIVE : null;
      case TERMINATE -> this == TERMINATED ? null : TERMINATED;
    });
  }
}
