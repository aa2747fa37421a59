package io.kadi.card.cardholder.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.kit.context.Mode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KycTest {

  @Test
  void verificationNeedsATierAndEnablesCards() {
    assertThat(Kyc.PENDING.decide(KycStatus.VERIFIED, 2, "ref-1"))
        .isEqualTo(Outcome.done(new Kyc(KycStatus.VERIFIED, 2, "ref-1")));
    assertThat(new Kyc(KycStatus.VERIFIED, 2, "ref-1").verified()).isTrue();
    assertThat(Kyc.PENDING.verified()).isFalse();
    assertRefused(Kyc.PENDING.decide(KycStatus.VERIFIED, null, "ref-1"));
    assertRefused(Kyc.PENDING.decide(KycStatus.VERIFIED, 4, "ref-1"));
  }

  @Test
  void aRejectionHasNoTierAndCanRevokeAVerification() {
    Kyc verified = new Kyc(KycStatus.VERIFIED, 1, "ref-1");

    assertThat(verified.decide(KycStatus.REJECTED, null, "ref-2")).isEqualTo(Outcome.done(new Kyc(KycStatus.REJECTED, null, "ref-2")));
    assertRefused(verified.decide(KycStatus.REJECTED, 1, "ref-2"));
  }

  @Test
  void pendingIsNotADecision() {
    assertRefused(Kyc.PENDING.decide(KycStatus.PENDING, null, "ref"));
  }

  @Test
  void inSandboxAValidDecisionWithTheSimulatedReferenceIsARejection() {
    Cardholder pending = cardholder(Mode.SANDBOX, Kyc.PENDING);
    Cardholder verified = cardholder(Mode.SANDBOX, new Kyc(KycStatus.VERIFIED, 2, "smile-123"));

    assertThat(pending.kycAfter(KycStatus.VERIFIED, 2, "sandbox_kyc_rejected"))
        .isEqualTo(Outcome.done(new Kyc(KycStatus.REJECTED, null, "sandbox_kyc_rejected")));
    assertThat(verified.kycAfter(KycStatus.VERIFIED, 3, "sandbox_kyc_rejected"))
        .isEqualTo(Outcome.done(new Kyc(KycStatus.REJECTED, null, "sandbox_kyc_rejected")));
    assertThat(pending.kycAfter(KycStatus.REJECTED, null, "sandbox_kyc_rejected"))
        .isEqualTo(Outcome.done(new Kyc(KycStatus.REJECTED, null, "sandbox_kyc_rejected")));
    assertRefused(pending.kycAfter(KycStatus.VERIFIED, 4, "sandbox_kyc_rejected"));
    assertThat(pending.kycAfter(KycStatus.VERIFIED, 2, "smile-123"))
        .isEqualTo(Outcome.done(new Kyc(KycStatus.VERIFIED, 2, "smile-123")));
  }

  @Test
  void inLiveTheSimulatedReferenceIsAReferenceLikeAnyOther() {
    assertThat(cardholder(Mode.LIVE, Kyc.PENDING).kycAfter(KycStatus.VERIFIED, 2, "sandbox_kyc_rejected"))
        .isEqualTo(Outcome.done(new Kyc(KycStatus.VERIFIED, 2, "sandbox_kyc_rejected")));
  }

  private static Cardholder cardholder(Mode mode, Kyc kyc) {
    return new Cardholder(UUID.randomUUID(), mode, UUID.randomUUID(), "Ada Obi", "ada@example.com", "+2348012345678", "NG",
        ZoneId.of("Africa/Lagos"), kyc, Instant.parse("2026-11-26T10:15:30Z"));
  }

  private static void assertRefused(Outcome<Kyc> outcome) {
    assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
        refused -> assertThat(refused.refusal().code()).isEqualTo(RefusalCode.VALIDATION_FAILED));
  }
}
