package io.kadi.card.controls.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spending controls of a card or a cardholder. A null allow-list allows everything; an empty one allows nothing.
 * Block-lists and limits restrict nothing when empty.
 */
public record SpendingControls(
    List<SpendingLimit> spendingLimits,
    List<VelocityLimit> velocityLimits,
    Set<String> allowedCategories,
    Set<String> blockedCategories,
    Set<String> allowedCountries,
    Set<String> blockedCountries,
    Set<Channel> allowedChannels) {

  /** What a card or cardholder has until controls are set: no restriction at all. */
  public static final SpendingControls NONE = new SpendingControls(List.of(), List.of(), null, Set.of(), null, Set.of(), null);

  public SpendingControls {
    spendingLimits = List.copyOf(spendingLimits);
    velocityLimits = List.copyOf(velocityLimits);
    allowedCategories = allowedCategories == null ? null : Set.copyOf(allowedCategories);
    blockedCategories = Set.copyOf(blockedCategories);
    allowedCountries = allowedCountries == null ? null : Set.copyOf(allowedCountries);
    blockedCountries = Set.copyOf(blockedCountries);
    allowedChannels = allowedChannels == null ? null : Set.copyOf(allowedChannels);
  }

  /** These controls as input that {@link ControlsRules} accepts again: every amount with its currency. */
  public ControlsInput toInput() {
    return new ControlsInput(
        spendingLimits.stream().map(limit -> new ControlsInput.LimitInput(limit.amount().minorUnits(), limit.interval(),
            limit.amount().currency().code(), sorted(limit.categories()))).toList(),
        velocityLimits.stream().map(limit -> new ControlsInput.VelocityInput(limit.count(),
            limit.amount() == null ? null : limit.amount().minorUnits(),
            limit.amount() == null ? null : limit.amount().currency().code(), (int) limit.window().toSeconds())).toList(),
        allowedCategories == null ? null : sorted(allowedCategories),
        sorted(blockedCategories),
        allowedCountries == null ? null : sorted(allowedCountries),
        sorted(blockedCountries),
        allowedChannels == null ? null : allowedChannels.stream().sorted().toList());
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().collect(Collectors.toList());
  }
}
