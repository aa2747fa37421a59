package io.kadi.card.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.context.Mode;
import org.junit.jupiter.api.Test;

class SandboxSimulationTest {

  @Test
  void inSandboxTheDocumentedAmountDeclinesForFundsAndNoOther() {
    assertThat(SandboxSimulation.INSUFFICIENT_FUNDS_AMOUNT).isEqualTo(40_051);
    assertThat(SandboxSimulation.declinesForFunds(Mode.SANDBOX, 40_051)).isTrue();
    assertThat(SandboxSimulation.declinesForFunds(Mode.SANDBOX, 40_050)).isFalse();
    assertThat(SandboxSimulation.declinesForFunds(Mode.SANDBOX, 40_052)).isFalse();
    assertThat(SandboxSimulation.declinesForFunds(Mode.SANDBOX, 40_055)).isFalse();
    assertThat(SandboxSimulation.declinesForFunds(Mode.SANDBOX, 4_005_100)).isFalse();
  }

  @Test
  void inSandboxTheDocumentedAmountIsRefusedAsInvalidAndNoOther() {
    assertThat(SandboxSimulation.INVALID_PARAMETERS_AMOUNT).isEqualTo(40_055);
    assertThat(SandboxSimulation.refusesAmount(Mode.SANDBOX, 40_055)).isTrue();
    assertThat(SandboxSimulation.refusesAmount(Mode.SANDBOX, 40_051)).isFalse();
    assertThat(SandboxSimulation.refusesAmount(Mode.SANDBOX, 40_054)).isFalse();
    assertThat(SandboxSimulation.refusesAmount(Mode.SANDBOX, 40_056)).isFalse();
  }

  @Test
  void inSandboxTheDocumentedReferenceRejectsKycAndNoOther() {
    assertThat(SandboxSimulation.rejectsKyc(Mode.SANDBOX, "sandbox_kyc_rejected")).isTrue();
    assertThat(SandboxSimulation.rejectsKyc(Mode.SANDBOX, "SANDBOX_KYC_REJECTED")).isFalse();
    assertThat(SandboxSimulation.rejectsKyc(Mode.SANDBOX, "sandbox_kyc_rejected ")).isFalse();
    assertThat(SandboxSimulation.rejectsKyc(Mode.SANDBOX, "smile-123")).isFalse();
    assertThat(SandboxSimulation.rejectsKyc(Mode.SANDBOX, null)).isFalse();
  }

  @Test
  void inLiveNoValueSimulatesAnything() {
    assertThat(SandboxSimulation.declinesForFunds(Mode.LIVE, 40_051)).isFalse();
    assertThat(SandboxSimulation.refusesAmount(Mode.LIVE, 40_055)).isFalse();
    assertThat(SandboxSimulation.rejectsKyc(Mode.LIVE, "sandbox_kyc_rejected")).isFalse();
  }
}
