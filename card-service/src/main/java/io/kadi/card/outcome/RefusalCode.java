package io.kadi.card.outcome;

import java.util.Locale;

/**
 * Why card-service refuses a request. The same code is the {@code code} of a REST problem and of a
 * {@code CommandRejected} event; docs/api.md lists them.
 */
public enum RefusalCode {
  CARDHOLDER_NOT_FOUND,
  CARD_NOT_FOUND,
  AUTHORIZATION_NOT_FOUND,
  KYC_NOT_VERIFIED,
  INVALID_CARD_STATE,
  INVALID_AUTHORIZATION_STATE,
  UNSUPPORTED_CURRENCY,
  INVALID_AMOUNT,
  CURRENCY_MISMATCH,
  REFERENCE_REUSED,
  /** This instance is answering as many authorizations as it may at once; none was held for this one. */
  OVERLOADED,
  /** A field of the request or command is missing or malformed: the REST problem code for the same thing. */
  VALIDATION_FAILED;

  /** The wire form: {@code kyc_not_verified}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
