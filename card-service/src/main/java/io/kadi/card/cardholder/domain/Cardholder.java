package io.kadi.card.cardholder.domain;

import io.kadi.card.outcome.Outcome;
import io.kadi.card.sandbox.domain.SandboxSimulation;
import io.kadi.kit.context.Mode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A person or business that holds cards, with contact details that stay inside card-service.
 *
 * @param programId the card program it belongs to, whose clients alone see it
 */
public record Cardholder(
    UUID id,
    Mode mode,
    UUID programId,
    String name,
    String email,
    String phoneNumber,
    String country,
    ZoneId timezone,
    Kyc kyc,
    Instant createdAt) {

  /**
   * The KYC state after a decision, as {@link Kyc#decide} makes it. In sandbox, a decision that is valid as sent and
   * whose reference is {@link SandboxSimulation#KYC_REJECTED_REFERENCE} is recorded as a rejection, whatever its
   * status, so that integrators can try what a rejection does.
   */
  public Outcome<Kyc> kycAfter(KycStatus decision, Integer tier, String reference) {
    return kyc.decide(decision, tier, reference).then(decided -> SandboxSimulation.rejectsKyc(mode, reference)
        ? kyc.decide(KycStatus.REJECTED, null, reference)
        : Outcome.done(decided));
  }

  public Cardholder withKyc(Kyc next) {
    return new Cardholder(id, mode, programId, name, email, phoneNumber, country, timezone, next, createdAt);
  }
}
