package io.kadi.risk.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OffHoursTest {

  @Test
  void holdsItsStartAndNotItsEnd() {
    OffHours night = new OffHours(LocalTime.of(1, 0), LocalTime.of(5, 0));

    assertThat(night.contains(LocalTime.of(0, 59))).isFalse();
    assertThat(night.contains(LocalTime.of(1, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(4, 59))).isTrue();
    assertThat(night.contains(LocalTime.of(5, 0))).isFalse();
  }

  @Test
  void aWindowEndingBeforeItStartsSpansMidnight() {
    OffHours night = new OffHours(LocalTime.of(23, 0), LocalTime.of(5, 0));

    assertThat(night.contains(LocalTime.of(22, 59))).isFalse();
    assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
    assertThat(night.contains(LocalTime.MIDNIGHT)).isTrue();
    assertThat(night.contains(LocalTime.of(4, 59))).isTrue();
    assertThat(night.contains(LocalTime.of(5, 0))).isFalse();
    assertThat(night.contains(LocalTime.NOON)).isFalse();
  }

  @Test
  void refusesAnEmptyWindow() {
    assertThatThrownBy(() -> new OffHours(LocalTime.of(1, 0), LocalTime.of(1, 0)))
        .hasMessage("The off-hours window 01:00-01:00 is empty");
  }
}
