package io.kadi.limits.authorization.domain;

import java.util.List;
import java.util.Objects;

/**
 * At most {@code amount} may be approved per interval, counting pending and approved authorizations.
 *
 * @param amount minor units of currency, positive
 * @param currency the limit applies to authorizations in this currency only
 * @param categories the merchant category codes the limit is confined to; empty for every category
 */
public record SpendingLimit(long amount, String currency, Interval interval, List<String> categories) {

  public SpendingLimit {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(interval, "interval");
    categories = List.copyOf(categories);
    if (amount <= 0) {
      throw new IllegalArgumentException("A spending limit is a positive amount, not " + amount);
    }
  }

  /** A limit on every category. */
  public static SpendingLimit of(long amount, String currency, Interval interval) {
    return new SpendingLimit(amount, currency, interval, List.of());
  }

  /** Whether the limit covers the authorization: same currency, and a category it is confined to, if any. */
  public boolean covers(Authorization authorization) {
    return currency.equals(authorization.currency())
        && (categories.isEmpty() || categories.contains(authorization.mcc()));
  }
}
