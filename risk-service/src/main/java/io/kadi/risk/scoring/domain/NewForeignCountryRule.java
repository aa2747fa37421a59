package io.kadi.risk.scoring.domain;

import java.util.Optional;

/**
 * {@code new_foreign_country}: the first use of the card at a merchant in a country other than the cardholder's
 * home. Stolen card details are typically used far from home; a traveller trips it once per country.
 */
public record NewForeignCountryRule(int weight) implements Rule {

  public static final String NAME = "new_foreign_country";

  public NewForeignCountryRule {
    Rule.checkedWeight(weight);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<FiredRule> evaluate(Features features) {
    if (!features.newForeignCountry()) {
      return Optional.empty();
    }
    Attempt attempt = features.attempt();
    return fired("First authorization of the card in %s; the cardholder's home is %s"
            .formatted(attempt.merchantCountry(), attempt.cardholderCountry()),
        Rule.values("merchant_country", attempt.merchantCountry(), "cardholder_country", attempt.cardholderCountry()));
  }
}
