package io.kadi.risk.scoring.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the card's recorded authorizations say about an authorization being scored, read at its {@code occurredAt}.
 * The windows include the authorization itself; the spending history and the countries seen do not.
 *
 * @param windows counts and sums per trailing window
 * @param smallAuthorizations5m authorizations of any status with a small amount (see {@link SmallAmounts}) in the
 *     last 5 minutes
 * @param spent30d approved and captured authorizations of the last 30 days in the authorization's currency (captured
 *     ones for the amount captured)
 * @param merchantCountrySeen whether any earlier authorization of the card was at a merchant in the same country
 */
public record CardHistory(Map<Window, Totals> windows, int smallAuthorizations5m, Totals spent30d, boolean merchantCountrySeen) {

  public CardHistory {
    for (Window window : Window.values()) {
      Objects.requireNonNull(windows.get(window), () -> "No totals for window " + window);
    }
    windows = Map.copyOf(new EnumMap<>(windows));
    Objects.requireNonNull(spent30d, "spent30d");
    if (smallAuthorizations5m < 0) {
      throw new IllegalArgumentException("smallAuthorizations5m is never negative");
    }
  }

  public Totals in(Window window) {
    return windows.get(window);
  }
}
