package io.kadi.limits.authorization.domain;

import java.util.Objects;

/**
 * One control an authorization breaks.
 *
 * @param detail for people: the limit, what it counted and what was asked
 */
public record Violation(ViolationCode code, Scope scope, String detail) {

  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(detail, "detail");
  }
}
