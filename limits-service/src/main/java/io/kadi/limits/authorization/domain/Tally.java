package io.kadi.limits.authorization.domain;

/**
 * What a counter found: how many authorizations, and their amount in minor units (meaningful only for a counter of one
 * currency).
 */
public record Tally(long count, long amount) {

  public static final Tally ZERO = new Tally(0, 0);
}
