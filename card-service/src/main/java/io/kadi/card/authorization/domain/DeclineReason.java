package io.kadi.card.authorization.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why an authorization was declined. The first five are card-service's own checks at request time, the next five
 * limits-service's, then risk-service's, then the stand-in decision. When limits-service names several, the one
 * listed first here is given.
 */
public enum DeclineReason {
  CARD_NOT_ACTIVE,
  CARD_EXPIRED,
  KYC_NOT_VERIFIED,
  CURRENCY_MISMATCH,
  INSUFFICIENT_FUNDS,
  BLOCKED_CHANNEL,
  BLOCKED_CATEGORY,
  BLOCKED_COUNTRY,
  SPENDING_LIMIT,
  VELOCITY_LIMIT,
  RISK_BLOCK,
  TIMEOUT;

  /** The wire form: {@code insufficient_funds}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<DeclineReason> fromCode(String code) {
    return Arrays.stream(values()).filter(reason -> reason.code().equals(code)).findFirst();
  }
}
