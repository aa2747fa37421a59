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
  VALIDATION_FAILED,
  API_CLIENT_NOT_FOUND,
  PROGRAM_NOT_FOUND,
  API_CLIENT_REVOKED,
  /** A live client asked for without an IP allowlist. */
  ALLOWLIST_REQUIRED,
  /** A client asked to make a client of the other mode. */
  MODE_NOT_ALLOWED,
  /** A client asked to grant a scope it does not hold itself. */
  SCOPE_ESCALATION,
  /** A client enrolling or confirming another client's TOTP. */
  TOTP_SELF_ONLY,
  /** A TOTP confirmation for a client with no seed waiting for one. */
  TOTP_NOT_PENDING,
  /** A TOTP code that is not the seed's current one. */
  INVALID_TOTP;

  /** The wire form: {@code kyc_not_verified}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
