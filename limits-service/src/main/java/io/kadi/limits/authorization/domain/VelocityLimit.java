package io.kadi.limits.authorization.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * At most {@code count} authorizations, and at most {@code amount}, in any trailing window of {@code window}, the
 * authorization being checked included.
 *
 * @param count the most authorizations (in any currency), if limited
 * @param amount the most in minor units of {@code currency}, if limited
 * @param currency the currency of the amount; null exactly when there is no amount
 */
public record VelocityLimit(OptionalInt count, OptionalLong amount, String currency, Duration window) {

  public VelocityLimit {
    Objects.requireNonNull(count, "count");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(window, "window");
    if (count.isEmpty() && amount.isEmpty()) {
      throw new IllegalArgumentException("A velocity limit limits a count, an amount, or both");
    }
    if (amount.isPresent() != (currency != null)) {
      throw new IllegalArgumentException("A velocity limit has a currency exactly when it has an amount");
    }
    if (count.isPresent() && count.getAsInt() <= 0 || amount.isPresent() && amount.getAsLong() <= 0) {
      throw new IllegalArgumentException("A velocity limit's count and amount are positive");
    }
    if (!window.isPositive()) {
      throw new IllegalArgumentException("A velocity limit's window is positive, not " + window);
    }
  }

  public static VelocityLimit ofCount(int count, Duration window) {
    return new VelocityLimit(OptionalInt.of(count), OptionalLong.empty(), null, window);
  }

  public static VelocityLimit ofAmount(long amount, String currency, Duration window) {
    return new VelocityLimit(OptionalInt.empty(), OptionalLong.of(amount), currency, window);
  }
}
