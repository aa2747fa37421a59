package io.kadi.limits.authorization.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The spending controls of a card, a cardholder or a KYC tier. Empty lists and absent allow-lists restrict nothing.
 *
 * @param allowedCategories when present, only these merchant category codes are allowed
 * @param allowedCountries when present, only merchants in these countries (ISO 3166-1 alpha-2) are allowed
 * @param allowedChannels when present, only these channels are allowed
 */
public record Controls(
    List<SpendingLimit> spendingLimits,
    List<VelocityLimit> velocityLimits,
    Optional<List<String>> allowedCategories,
    List<String> blockedCategories,
    Optional<List<String>> allowedCountries,
    List<String> blockedCountries,
    Optional<List<Channel>> allowedChannels) {

  /** Controls that restrict nothing. */
  public static final Controls NONE = new Controls(List.of(), List.of(), Optional.empty(), List.of(), Optional.empty(),
      List.of(), Optional.empty());

  public Controls {
    spendingLimits = List.copyOf(spendingLimits);
    velocityLimits = List.copyOf(velocityLimits);
    allowedCategories = Objects.requireNonNull(allowedCategories, "allowedCategories").map(List::copyOf);
    blockedCategories = List.copyOf(blockedCategories);
    allowedCountries = Objects.requireNonNull(allowedCountries, "allowedCountries").map(List::copyOf);
    blockedCountries = List.copyOf(blockedCountries);
    allowedChannels = Objects.requireNonNull(allowedChannels, "allowedChannels").map(List::copyOf);
  }

  /** Spending limits and nothing else, as KYC-tier ceilings are. */
  public static Controls spendingLimits(List<SpendingLimit> limits) {
    return new Controls(limits, List.of(), Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty());
  }
}
