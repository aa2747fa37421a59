package io.kadi.card.controls.domain;

import java.util.List;

/**
 * Spending controls as a request gives them, before {@link ControlsRules} checks them. Null lists are absent fields.
 */
public record ControlsInput(
    List<LimitInput> spendingLimits,
    List<VelocityInput> velocityLimits,
    List<String> allowedCategories,
    List<String> blockedCategories,
    List<String> allowedCountries,
    List<String> blockedCountries,
    List<Channel> allowedChannels) {

  public record LimitInput(long amount, LimitInterval interval, String currency, List<String> categories) {}

  public record VelocityInput(Integer count, Long amount, String currency, int windowSeconds) {}
}
