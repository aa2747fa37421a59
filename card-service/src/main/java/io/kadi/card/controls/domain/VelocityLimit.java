package io.kadi.card.controls.domain;

import io.kadi.kit.money.Money;
import java.time.Duration;

/**
 * At most {@code count} authorizations and at most {@code amount} in any trailing window; either may be null (no
 * limit of that kind), not both.
 */
public record VelocityLimit(Integer count, Money amount, Duration window) {}
