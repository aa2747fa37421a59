package io.kadi.risk.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SmallAmountsTest {

  private final SmallAmounts defaults = SmallAmounts.UNDER_ONE_MAJOR_UNIT;

  @Test
  void anAmountUnderOneNairaIsSmallAndOneNairaIsNot() {
    assertThat(defaults.limitOf("NGN")).isEqualTo(OptionalLong.of(100));
    assertThat(defaults.isSmall(99, "NGN")).isTrue();
    assertThat(defaults.isSmall(100, "NGN")).isFalse();
  }

  @Test
  void aCurrencyWithoutMinorUnitsHasNoPositiveAmountUnderOneOfItself() {
    assertThat(defaults.limitOf("UGX")).isEqualTo(OptionalLong.of(1));
    assertThat(defaults.isSmall(1, "UGX")).isFalse();
    assertThat(defaults.isSmall(1, "XOF")).isFalse();
  }

  @Test
  void aConfiguredLimitReplacesOneMajorUnitForItsCurrencyOnly() {
    SmallAmounts configured = new SmallAmounts(Map.of("UGX", 1_000L));

    assertThat(configured.isSmall(999, "UGX")).isTrue();
    assertThat(configured.isSmall(1_000, "UGX")).isFalse();
    assertThat(configured.isSmall(99, "KES")).isTrue();
  }

  @Test
  void anIsoCurrencyKadiDoesNotIssueInUsesItsIsoExponent() {
    assertThat(defaults.limitOf("JOD")).isEqualTo(OptionalLong.of(1_000));
    assertThat(defaults.isSmall(999, "JOD")).isTrue();
  }

  @Test
  void anAmountInACodeThatIsNotIsoIsNeverSmall() {
    assertThat(defaults.limitOf("XYZ")).isEmpty();
    assertThat(defaults.isSmall(1, "XYZ")).isFalse();
    assertThat(defaults.isSmall(1, "ngn")).isFalse();
  }

  @Test
  void refusesALimitThatIsNotPositive() {
    assertThatThrownBy(() -> new SmallAmounts(Map.of("UGX", 0L)))
        .hasMessage("The small-amount limit of UGX must be positive, not 0");
  }
}
