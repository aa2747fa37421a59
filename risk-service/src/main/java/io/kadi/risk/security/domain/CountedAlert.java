package io.kadi.risk.security.domain;

/**
 * The security alerts that fire on a count: a subject's requests of one kind within one fixed window reaching a
 * threshold. A request counts toward at most one of them (a refusal has one code, and issuing a card is a success).
 */
public enum CountedAlert {
  /** Refused with {@code invalid_signature}: a known key id with the wrong secret, or broken signing code. */
  REPEATED_BAD_SIGNATURES("repeated_bad_signatures", Severity.WARNING),
  /** Refused with {@code ip_not_allowed}: a valid signature from an address the client never allowed. */
  REQUEST_OUTSIDE_ALLOWLIST("request_outside_allowlist", Severity.CRITICAL),
  /** Refused with {@code rate_limited}. */
  RATE_LIMIT_STORM("rate_limit_storm", Severity.WARNING),
  /** Refused with {@code unknown_key}: key ids that do not exist, which is what guessing them looks like. */
  UNKNOWN_KEYS("unknown_keys", Severity.WARNING),
  /** A card issued: {@code POST /v1/cards} answered 201. */
  MASS_ISSUANCE("mass_issuance", Severity.WARNING);

  private final String type;
  private final Severity severity;

  CountedAlert(String type, Severity severity) {
    this.type = type;
    this.severity = severity;
  }

  /** The alert's stable type name, which is also the counter's kind. */
  public String type() {
    return type;
  }

  public Severity severity() {
    return severity;
  }

  /** Whether the request counts toward this alert. */
  public boolean counts(ApiRequest request) {
    return switch (this) {
      case REPEATED_BAD_SIGNATURES -> request.refusedWith("invalid_signature");
      case REQUEST_OUTSIDE_ALLOWLIST -> request.refusedWith("ip_not_allowed");
      case RATE_LIMIT_STORM -> request.refusedWith("rate_limited");
      case UNKNOWN_KEYS -> request.refusedWith("unknown_key");
      // A bulk issuance counts as one: the access log does not say how many cards it made (at most 100, and only
      // with a step-up, five a minute).
      case MASS_ISSUANCE -> request.answered("POST", "/v1/cards", 201) || request.answered("POST", "/v1/cards/bulk", 201);
    };
  }
}
