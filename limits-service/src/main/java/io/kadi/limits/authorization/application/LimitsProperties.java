package io.kadi.limits.authorization.application;

import io.kadi.limits.authorization.domain.Interval;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param kycTiers the ceilings of each KYC tier (1 to 3), per ISO 4217 currency: spending limits that count every card
 *     of the cardholder. Amounts are in major units (NGN 50000 is fifty thousand naira). A tier or currency without
 *     ceilings here has none: its authorizations are limited by the card's and the cardholder's controls only.
 *     limits-service.yml holds the defaults; see docs/limits.md.
 */
@ConfigurationProperties("kadi.limits")
public record LimitsProperties(@DefaultValue Map<Integer, Map<String, List<Ceiling>>> kycTiers) {

  /**
   * @param amount the most in the interval, in major units of the currency
   */
  public record Ceiling(Interval interval, BigDecimal amount) {}
}
