package io.kadi.card.controls.domain;

import io.kadi.kit.money.Money;
import java.util.Set;

/** At most {@code amount} approved per interval, in the limit's currency; confined to some MCCs when they are given. */
public record SpendingLimit(Money amount, LimitInterval interval, Set<String> categories) {

  public SpendingLimit {
    categories = Set.copyOf(categories);
  }
}
