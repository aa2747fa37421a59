package io.kadi.card.cardholder.domain;

import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.RefusalCode;

/**
 * A cardholder's KYC state: the status, the tier a verification reached (1 to 3, higher tiers allow higher limits),
 * and the verification provider's reference.
 */
public record Kyc(KycStatus status, Integer tier, String reference) {

  public static final Kyc PENDING = new Kyc(KycStatus.PENDING, null, null);

  /**
   * The state after a KYC decision. A decision may verify, reject, re-verify at another tier, or revoke a
   * verification (a sanctions hit, say). Verifying needs a tier; rejecting has none.
   */
  public Outcome<Kyc> decide(KycStatus decision, Integer decidedTier, String decidedReference) {
    return switch (decision) {
      case PENDING -> Outcome.refused(RefusalCode.VALIDATION_FAILED, "A KYC decision is verified or rejected, not pending.");
      case VERIFIED -> decidedTier == null || decidedTier < 1 || decidedTier > 3
          ? Outcome.refused(RefusalCode.VALIDATION_FAILED, "Verifying a cardholder needs a tier from 1 to 3.")
          : Outcome.done(new Kyc(decision, decidedTier, decidedReference));
      case REJECTED -> decidedTier != null
          ? Outcome.refused(RefusalCode.VALIDATION_FAILED, "A rejection has no tier.")
          : Outcome.done(new Kyc(decision, null, decidedReference));
    };
  }

  public boolean verified() {
    return status == KycStatus.VERIFIED;
  }
}
