package io.kadi.limits.authorization.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.limits.authorization.application.LimitsProperties.Ceiling;
import io.kadi.limits.authorization.domain.Controls;
import io.kadi.limits.authorization.domain.Interval;
import io.kadi.limits.authorization.domain.SpendingLimit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KycCeilingsTest {

  private static KycCeilings ceilings(Map<Integer, Map<String, List<Ceiling>>> tiers) {
    return new KycCeilings(new LimitsProperties(tiers));
  }

  private static Ceiling ceiling(Interval interval, String amount) {
    return new Ceiling(interval, new BigDecimal(amount));
  }

  @Test
  void readsMajorUnitsWithEachCurrencysExponent() {
    KycCeilings ceilings = ceilings(Map.of(1, Map.of(
        "NGN", List.of(ceiling(Interval.DAILY, "50000")),
        "UGX", List.of(ceiling(Interval.DAILY, "1000000")),
        "zar", List.of(ceiling(Interval.MONTHLY, "25000.50")))));

    assertThat(ceilings.of(1).spendingLimits()).containsExactlyInAnyOrder(
        SpendingLimit.of(50_000_00, "NGN", Interval.DAILY),
        SpendingLimit.of(1_000_000, "UGX", Interval.DAILY),
        SpendingLimit.of(25_000_50, "ZAR", Interval.MONTHLY));
  }

  @Test
  void aTierWithoutCeilingsHasNone() {
    assertThat(ceilings(Map.of(1, Map.of("NGN", List.of(ceiling(Interval.DAILY, "50000"))))).of(2)).isEqualTo(Controls.NONE);
  }

  @Test
  void refusesToStartWithACeilingItCannotEnforceExactly() {
    assertThatThrownBy(() -> ceilings(Map.of(1, Map.of("UGX", List.of(ceiling(Interval.DAILY, "1000.5"))))))
        .hasMessage("kadi.limits.kyc-tiers.1.UGX: 1000.5 is not a whole number of UGX minor units (0 decimals)");
    assertThatThrownBy(() -> ceilings(Map.of(1, Map.of("XYZ", List.of(ceiling(Interval.DAILY, "10"))))))
        .hasMessage("kadi.limits.kyc-tiers.1.XYZ: XYZ is not a currency Kadi supports");
    assertThatThrownBy(() -> ceilings(Map.of(4, Map.of("NGN", List.of(ceiling(Interval.DAILY, "10"))))))
        .hasMessage("kadi.limits.kyc-tiers: KYC tiers are 1 to 3, not 4");
    assertThatThrownBy(() -> ceilings(Map.of(1, Map.of("NGN", List.of(ceiling(Interval.DAILY, "0"))))))
        .hasMessage("kadi.limits.kyc-tiers.1.NGN: a ceiling is a positive amount, not 0");
    assertThatThrownBy(() -> ceilings(Map.of(1, Map.of("NGN", List.of(new Ceiling(null, BigDecimal.TEN))))))
        .hasMessage("kadi.limits.kyc-tiers.1.NGN: a ceiling has an interval and an amount");
  }
}
