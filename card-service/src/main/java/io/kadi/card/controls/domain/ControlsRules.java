package io.kadi.card.controls.domain;

import io.kadi.card.issuing.domain.Amounts;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.Refusal;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What makes spending controls valid. A card's amounts are always in the card's currency (a limit may omit it); a
 * cardholder's cards may hold several currencies, so each of its amounts names its currency.
 */
public final class ControlsRules {

  public static final int MAX_LIMITS = 20;
  public static final int MAX_LIST_ENTRIES = 500;
  public static final int MAX_VELOCITY_COUNT = 100_000;
  public static final Duration MIN_WINDOW = Duration.ofSeconds(10);
  /** 31 days: the longest month, so that a velocity window never needs more history than a monthly limit. */
  public static final Duration MAX_WINDOW = Duration.ofDays(31);


  private ControlsRules() {}

  /**
   * @param cardCurrency the card's currency for a card's controls; null for a cardholder's
   */
  public static Outcome<SpendingControls> validate(ControlsInput input, IsoCurrency cardCurrency) {
    try {
      return Outcome.done(new SpendingControls(
          limits(orEmpty(input.spendingLimits()), cardCurrency),
          velocity(orEmpty(input.velocityLimits()), cardCurrency),
          nullable(input.allowedCategories(), "allowed_categories", MerchantCodes::isMcc),
          codes(orEmpty(input.blockedCategories()), "blocked_categories", MerchantCodes::isMcc),
          nullable(input.allowedCountries(), "allowed_countries", MerchantCodes::isCountry),
          codes(orEmpty(input.blockedCountries()), "blocked_countries", MerchantCodes::isCountry),
          input.allowedChannels() == null ? null : Set.copyOf(noNulls(input.allowedChannels(), "allowed_channels"))));
    } catch (Invalid invalid) {
      return Outcome.refused(invalid.code, invalid.getMessage());
    }
  }

  private static List<SpendingLimit> limits(List<ControlsInput.LimitInput> limits, IsoCurrency cardCurrency) {
    bounded(limits, MAX_LIMITS, "spending_limits");
    List<SpendingLimit> valid = new ArrayList<>();
    for (ControlsInput.LimitInput limit : noNulls(limits, "spending_limits")) {
      if (limit.interval() == null) {
        throw new Invalid("Every spending limit needs an interval.");
      }
      valid.add(new SpendingLimit(money(limit.amount(), limit.currency(), cardCurrency, "spending limit"), limit.interval(),
          codes(orEmpty(limit.categories()), "categories", MerchantCodes::isMcc)));
    }
    return valid;
  }

  private static List<VelocityLimit> velocity(List<ControlsInput.VelocityInput> limits, IsoCurrency cardCurrency) {
    bounded(limits, MAX_LIMITS, "velocity_limits");
    List<VelocityLimit> valid = new ArrayList<>();
    for (ControlsInput.VelocityInput limit : noNulls(limits, "velocity_limits")) {
      if (limit.count() == null && limit.amount() == null) {
        throw new Invalid("A velocity limit needs a count, an amount, or both.");
      }
      if (limit.count() != null && (limit.count() < 1 || limit.count() > MAX_VELOCITY_COUNT)) {
        throw new Invalid("A velocity limit's count is from 1 to " + MAX_VELOCITY_COUNT + "; it was " + limit.count() + ".");
      }
      if (limit.amount() == null && limit.currency() != null) {
        throw new Invalid("A velocity limit names a currency only with an amount.");
      }
      Duration window = Duration.ofSeconds(limit.windowSeconds());
      if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
        throw new Invalid("window_seconds is from " + MIN_WINDOW.toSeconds() + " to " + MAX_WINDOW.toSeconds()
            + "; it was " + limit.windowSeconds() + ".");
      }
      Money amount = limit.amount() == null ? null : money(limit.amount(), limit.currency(), cardCurrency, "velocity limit");
      valid.add(new VelocityLimit(limit.count(), amount, window));
    }
    return valid;
  }

  private static Money money(long minorUnits, String currency, IsoCurrency cardCurrency, String what) {
    if (cardCurrency == null && currency == null) {
      throw new Invalid("A cardholder's " + what + " needs a currency: the cardholder's cards may hold several.");
    }
    Outcome<Money> money = Amounts.money(minorUnits, currency == null ? cardCurrency.code() : currency);
    return switch (money) {
      case Outcome.Done<Money>(Money value) when cardCurrency != null && value.currency() != cardCurrency ->
          throw new Invalid("A card's limits are in the card's currency, " + cardCurrency + "; this " + what + " is in "
              + value.currency() + ".");
      case Outcome.Done<Money>(Money value) -> value;
      case Outcome.Refused<Money>(Refusal refusal) -> throw new Invalid(refusal.code(), "A " + what + ": " + refusal.detail());
    };
  }

  private static Set<String> nullable(List<String> values, String field, Predicate<String> valid) {
    return values == null ? null : codes(values, field, valid);
  }

  private static Set<String> codes(List<String> values, String field, Predicate<String> valid) {
    bounded(values, MAX_LIST_ENTRIES, field);
    Set<String> codes = new LinkedHashSet<>();
    for (String value : noNulls(values, field)) {
      if (!valid.test(value)) {
        throw new Invalid("'" + Refusal.shown(value) + "' in " + field + " is not "
            + (field.contains("countr") ? "an ISO 3166-1 alpha-2 country code, such as NG." : "a 4-digit merchant category code."));
      }
      codes.add(value);
    }
    return codes;
  }

  private static <T> List<T> noNulls(List<T> values, String field) {
    if (values.stream().anyMatch(Objects::isNull)) {
      throw new Invalid(field + " may not contain null.");
    }
    return values;
  }

  private static void bounded(List<?> values, int max, String field) {
    if (values.size() > max) {
      throw new Invalid(field + " has at most " + max + " entries; it had " + values.size() + ".");
    }
  }

  private static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }

  /** Unwinds the checks at the first problem; never escapes {@link #validate}. */
  private static final class Invalid extends RuntimeException {

    private final RefusalCode code;

    Invalid(String message) {
      this(RefusalCode.VALIDATION_FAILED, message);
    }

    Invalid(RefusalCode code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
