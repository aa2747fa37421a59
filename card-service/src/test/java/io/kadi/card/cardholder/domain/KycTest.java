package io.kadi.card.cardholder.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.RefusalCode;
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

  private static void assertRefused(Outcome<Kyc> outcome) {
    assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
        refused -> assertThat(refused.refusal().code()).isEqualTo(RefusalCode.VALIDATION_FAILED));
  }
}
