package io.kadi.kit.security;

import java.util.List;

/**
 * Every scope an API client can hold, one per kind of operation. Handlers name the scope they need with
 * {@link RequiresScope}; role presets ({@link Role}) bundle them. docs/api-security.md lists which endpoint needs which.
 */
public final class Scopes {

  public static final String CARDHOLDERS_READ = "cardholders:read";
  public static final String CARDHOLDERS_WRITE = "cardholders:write";
  public static final String KYC_WRITE = "kyc:write";
  public static final String CARDS_READ = "cards:read";
  public static final String CARDS_ISSUE = "cards:issue";
  public static final String CARDS_FUND = "cards:fund";
  /** Freeze and unfreeze. */
  public static final String CARDS_FREEZE = "cards:freeze";
  public static final String CARDS_TERMINATE = "cards:terminate";
  /** The full PAN and CVV; also needs step-up. */
  public static final String CARDS_REVEAL = "cards:reveal";
  public static final String SPENDING_CONTROLS_READ = "spending_controls:read";
  public static final String SPENDING_CONTROLS_WRITE = "spending_controls:write";
  public static final String AUTHORIZATIONS_READ = "authorizations:read";
  /** What a card processor does: request, capture and reverse authorizations. */
  public static final String AUTHORIZATIONS_WRITE = "authorizations:write";
  public static final String KEYS_READ = "keys:read";
  /** Create, rotate and revoke API clients and their keys, in the caller's own program and mode. */
  public static final String KEYS_WRITE = "keys:write";
  /** Create programs, and clients in any program: the platform operator's. */
  public static final String PROGRAMS_WRITE = "programs:write";
  public static final String AUDIT_READ = "audit:read";
  public static final String RISK_RULES_READ = "risk_rules:read";
  public static final String RISK_RULES_WRITE = "risk_rules:write";

  public static final List<String> ALL = List.of(CARDHOLDERS_READ, CARDHOLDERS_WRITE, KYC_WRITE, CARDS_READ, CARDS_ISSUE,
      CARDS_FUND, CARDS_FREEZE, CARDS_TERMINATE, CARDS_REVEAL, SPENDING_CONTROLS_READ, SPENDING_CONTROLS_WRITE,
      AUTHORIZATIONS_READ, AUTHORIZATIONS_WRITE, KEYS_READ, KEYS_WRITE, PROGRAMS_WRITE, AUDIT_READ, RISK_RULES_READ,
      RISK_RULES_WRITE);

  /** Every read of the card program's objects. */
  static final List<String> READS = List.of(CARDHOLDERS_READ, CARDS_READ, SPENDING_CONTROLS_READ, AUTHORIZATIONS_READ);

  private Scopes() {}
}
