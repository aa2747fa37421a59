package io.kadi.limits.authorization.domain;

import static io.kadi.limits.authorization.domain.AuthorizationBuilder.authorization;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxSimulationTest {

  @Test
  void inSandboxTheDocumentedAmountIsDeclinedForTheCardsSpendingLimitInAnyCurrency() {
    assertThat(SandboxSimulation.SPENDING_LIMIT_AMOUNT).isEqualTo(40_052);

    assertThat(SandboxSimulation.decision(authorization().amount(40_052, "NGN").build(), true))
        .contains(new LimitDecision.Declined(List.of(new Violation(ViolationCode.SPENDING_LIMIT, Scope.CARD,
            "Sandbox simulation of a spending limit exceeded: NGN 400.52 asked"))));
    assertThat(SandboxSimulation.decision(authorization().amount(40_052, "UGX").build(), true))
        .contains(new LimitDecision.Declined(List.of(new Violation(ViolationCode.SPENDING_LIMIT, Scope.CARD,
            "Sandbox simulation of a spending limit exceeded: UGX 40052 asked"))));
  }

  @Test
  void inSandboxAnyOtherAmountIsEvaluated() {
    for (long amount : new long[] {40_051, 40_053, 40_054, 40_055, 4_005_200, 100_00}) {
      assertThat(SandboxSimulation.decision(authorization().amount(amount, "NGN").build(), true)).as("%d", amount).isEmpty();
    }
  }

  @Test
  void inLiveTheDocumentedAmountIsEvaluatedAsAnyOther() {
    assertThat(SandboxSimulation.decision(authorization().amount(40_052, "NGN").build(), false)).isEmpty();
  }
}
