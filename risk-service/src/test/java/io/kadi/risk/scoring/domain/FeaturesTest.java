package io.kadi.risk.scoring.domain;

import static io.kadi.risk.scoring.domain.Samples.LAGOS;
import static io.kadi.risk.scoring.domain.Samples.NAIROBI;
import static io.kadi.risk.scoring.domain.Samples.attempt;
import static io.kadi.risk.scoring.domain.Samples.features;
import static io.kadi.risk.scoring.domain.Samples.history;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FeaturesTest {

  @Test
  void theLocalTimeIsTheCardholdersToTheMinute() {
    Instant instant = Instant.parse("2026-03-10T00:30:59Z");

    assertThat(features(attempt().at(instant).cardholder("NG", LAGOS), history()).localTime()).isEqualTo(LocalTime.of(1, 30));
    assertThat(features(attempt().at(instant).cardholder("KE", NAIROBI), history()).localTime()).isEqualTo(LocalTime.of(3, 30));
  }

  @Test
  void theAmountIsComparedToTheAverageOfTheCardsSpending() {
    Features features = features(attempt().amount(1_000_000, "NGN"), history().spent30d(3, 500_000));

    assertThat(features.spentAuthorizations30d()).isEqualTo(3);
    assertThat(features.averageSpent30d()).isEqualTo(OptionalLong.of(166_667));
    assertThat(features.amountToAverage30d()).contains(new BigDecimal("6.00"));
  }

  @Test
  void theAmountIsComparedWithAMultipleOfTheAverageExactlyAndReportedToTwoDecimals() {
    Features features = features(attempt().amount(499_999, "NGN"), history().spent30d(5, 500_000));

    assertThat(features.amountToAverage30d()).contains(new BigDecimal("5.00"));
    assertThat(features.amountIsAtLeast(new BigDecimal("5"))).isFalse();
    assertThat(features.amountIsAtLeast(new BigDecimal("4.99999"))).isTrue();
  }

  @Test
  void withoutSpendingHistoryThereIsNoAverageToCompareWith() {
    Features features = features(attempt(), history());

    assertThat(features.averageSpent30d()).isEmpty();
    assertThat(features.amountToAverage30d()).isEmpty();
    assertThat(features.amountIsAtLeast(BigDecimal.ONE)).isFalse();
  }

  @Test
  void aCountryIsNewAndForeignWhenItIsNeitherHomeNorSeenBefore() {
    assertThat(features(attempt().merchantCountry("GH"), history().countrySeen(false)).newForeignCountry()).isTrue();
    assertThat(features(attempt().merchantCountry("GH"), history().countrySeen(true)).newForeignCountry()).isFalse();
    assertThat(features(attempt().merchantCountry("NG"), history().countrySeen(false)).newForeignCountry()).isFalse();
  }
}
