package io.kadi.limits.authorization.domain;

import java.util.List;

/** The outcome of a limit check: approved, or declined with every control the authorization breaks. */
public sealed interface LimitDecision {

  /** No control declined the authorization: its amount is reserved. */
  record Approved() implements LimitDecision {}

  /** At least one control declined the authorization; nothing is reserved. */
  record Declined(List<Violation> violations) implements LimitDecision {

    public Declined {
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("A declined authorization breaks at least one control");
      }
      violations = List.copyOf(violations);
    }
  }

  /** Approved when nothing is broken. */
  static LimitDecision of(List<Violation> violations) {
    return violations.isEmpty() ? new Approved() : new Declined(violations);
  }

  default boolean approved() {
    return this instanceof Approved;
  }

  default List<Violation> violations() {
    return switch (this) {
      case Approved approved -> List.of();
      case Declined declined -> declined.violations();
    };
  }
}
