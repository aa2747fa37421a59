package io.kadi.risk.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSimulationTest {

  @Test
  void inSandboxTheDocumentedAmountsAskForABlockAndForNoAnswer() {
    assertThat(SandboxSimulation.of(true, 40_053)).isEqualTo(SandboxSimulation.BLOCK);
    assertThat(SandboxSimulation.of(true, 40_054)).isEqualTo(SandboxSimulation.NO_ANSWER);
  }

  @Test
  void inSandboxAnyOtherAmountIsScored() {
    for (long amount : new long[] {40_051, 40_052, 40_055, 4_005_300, 250_000, 1}) {
      assertThat(SandboxSimulation.of(true, amount)).as("%d", amount).isEqualTo(SandboxSimulation.NONE);
    }
  }

  @Test
  void inLiveNoAmountSimulatesAnything() {
    assertThat(SandboxSimulation.of(false, 40_053)).isEqualTo(SandboxSimulation.NONE);
    assertThat(SandboxSimulation.of(false, 40_054)).isEqualTo(SandboxSimulation.NONE);
  }

  @Test
  void aSimulatedBlockScoresTheMostWithItsOwnRuleInTheAttemptsCurrency() {
    assertThat(SandboxSimulation.blocked(Samples.attempt().amount(40_053, "NGN").build())).isEqualTo(new Assessment(100,
        RiskAction.BLOCK, List.of(new FiredRule("sandbox_simulated_block", 100,
            "Sandbox simulation of a risk block: NGN 400.53 asked", Map.of("amount", "40053")))));
    assertThat(SandboxSimulation.blocked(Samples.attempt().amount(40_053, "UGX").build()).firedRules().getFirst().detail())
        .isEqualTo("Sandbox simulation of a risk block: UGX 40053 asked");
  }

  @Test
  void aSimulatedBlockIsABlockWhateverTheThresholds() {
    Assessment blocked = SandboxSimulation.blocked(Samples.attempt().amount(40_053, "NGN").build());

    assertThat(new Thresholds(100, 100).actionFor(blocked.score())).isEqualTo(RiskAction.BLOCK);
    assertThat(blocked.action()).isEqualTo(RiskAction.BLOCK);
  }
}
