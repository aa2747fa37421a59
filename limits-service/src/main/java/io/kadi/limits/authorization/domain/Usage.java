package io.kadi.limits.authorization.domain;

/** What each counter finds among the reservations, the authorization being checked left out. */
@FunctionalInterface
public interface Usage {

  Tally of(Counter counter);
}
