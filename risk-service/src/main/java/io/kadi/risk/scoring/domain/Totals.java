package io.kadi.risk.scoring.domain;

/**
 * How many authorizations, and how much they asked for, in a window.
 *
 * @param count authorizations of every status and currency
 * @param amount the sum of those in the scored authorization's currency, in its minor units
 */
public record Totals(int count, long amount) {

  public static final Totals NONE = new Totals(0, 0);

  public Totals {
    if (count < 0 || amount < 0) {
      throw new IllegalArgumentException("Totals are never negative: " + count + ", " + amount);
    }
  }
}
