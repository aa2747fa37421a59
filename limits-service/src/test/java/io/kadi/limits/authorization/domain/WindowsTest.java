package io.kadi.limits.authorization.domain;

import static io.kadi.limits.authorization.domain.AuthorizationBuilder.LAGOS;
import static io.kadi.limits.authorization.domain.AuthorizationBuilder.NAIROBI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WindowsTest {

  private static TimeRange range(String from, String until) {
    return TimeRange.between(Instant.parse(from), Instant.parse(until));
  }

  @Nested
  class DaysStartAtMidnightInTheCardholdersTimeZone {

    @Test
    void halfPastElevenUtcIsAlreadyTomorrowInLagos() {
      // 23:30 UTC is 00:30 on 2 March in Lagos (UTC+1).
      assertThat(Windows.calendar(Interval.DAILY, Instant.parse("2025-03-01T23:30:00Z"), LAGOS))
          .isEqualTo(range("2025-03-01T23:00:00Z", "2025-03-02T23:00:00Z"));
    }

    @Test
    void oneInstantFallsOnDifferentDaysInLagosAndNairobi() {
      // 22:30 UTC is 23:30 on 1 March in Lagos, but 01:30 on 2 March in Nairobi (UTC+3).
      Instant at = Instant.parse("2025-03-01T22:30:00Z");

      assertThat(Windows.calendar(Interval.DAILY, at, LAGOS)).isEqualTo(range("2025-02-28T23:00:00Z", "2025-03-01T23:00:00Z"));
      assertThat(Windows.calendar(Interval.DAILY, at, NAIROBI)).isEqualTo(range("2025-03-01T21:00:00Z", "2025-03-02T21:00:00Z"));
    }

    @Test
    void midnightItselfBelongsToTheDayItStarts() {
      Instant midnightInNairobi = Instant.parse("2025-03-01T21:00:00Z");

      TimeRange day = Windows.calendar(Interval.DAILY, midnightInNairobi, NAIROBI);

      assertThat(day).isEqualTo(range("2025-03-01T21:00:00Z", "2025-03-02T21:00:00Z"));
      assertThat(day.contains(midnightInNairobi)).isTrue();
      assertThat(day.contains(Instant.parse("2025-03-02T21:00:00Z"))).isFalse();
      assertThat(day.contains(Instant.parse("2025-03-02T20:59:59.999Z"))).isTrue();
    }

    @Test
    void whereMidnightDoesNotExistTheDayStartsAtItsFirstInstant() {
      // Chile moved its clocks from 00:00 to 01:00 on 8 September 2024: that day began at 01:00 (UTC-3) and was 23 h.
      ZoneId santiago = ZoneId.of("America/Santiago");

      assertThat(Windows.calendar(Interval.DAILY, Instant.parse("2024-09-08T12:00:00Z"), santiago))
          .isEqualTo(range("2024-09-08T04:00:00Z", "2024-09-09T03:00:00Z"));
    }
  }

  @Nested
  class LongerPeriods {

    @Test
    void weeksStartOnMonday() {
      // Sunday 2 March 2025, 00:30 in Lagos: the week began on Monday 24 February.
      assertThat(Windows.calendar(Interval.WEEKLY, Instant.parse("2025-03-01T23:30:00Z"), LAGOS))
          .isEqualTo(range("2025-02-23T23:00:00Z", "2025-03-02T23:00:00Z"));
    }

    @Test
    void aMondayStartsANewWeek() {
      // Monday 3 March 2025, 00:30 in Nairobi.
      assertThat(Windows.calendar(Interval.WEEKLY, Instant.parse("2025-03-02T21:30:00Z"), NAIROBI))
          .isEqualTo(range("2025-03-02T21:00:00Z", "2025-03-09T21:00:00Z"));
    }

    @Test
    void monthsStartOnTheFirstAndEndWithTheirLastDay() {
      assertThat(Windows.calendar(Interval.MONTHLY, Instant.parse("2024-02-29T12:00:00Z"), LAGOS))
          .isEqualTo(range("2024-01-31T23:00:00Z", "2024-02-29T23:00:00Z"));
      // 23:30 UTC on 31 January is already February in Lagos.
      assertThat(Windows.calendar(Interval.MONTHLY, Instant.parse("2025-01-31T23:30:00Z"), LAGOS))
          .isEqualTo(range("2025-01-31T23:00:00Z", "2025-02-28T23:00:00Z"));
    }

    @Test
    void yearsStartOnTheFirstOfJanuary() {
      // 21:30 UTC on New Year's Eve is already 2026 in Nairobi, but still 2025 in Lagos.
      Instant at = Instant.parse("2025-12-31T21:30:00Z");

      assertThat(Windows.calendar(Interval.YEARLY, at, NAIROBI)).isEqualTo(range("2025-12-31T21:00:00Z", "2026-12-31T21:00:00Z"));
      assertThat(Windows.calendar(Interval.YEARLY, at, LAGOS)).isEqualTo(range("2024-12-31T23:00:00Z", "2025-12-31T23:00:00Z"));
    }

    @Test
    void allTimeHasNoBounds() {
      TimeRange all = Windows.calendar(Interval.ALL_TIME, Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

      assertThat(all).isEqualTo(TimeRange.ALL_TIME);
      assertThat(all.contains(Instant.EPOCH)).isTrue();
      assertThat(all.contains(Instant.parse("2999-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void aPerAuthorizationLimitHasNoWindow() {
      assertThatThrownBy(() -> Windows.calendar(Interval.PER_AUTHORIZATION, Instant.EPOCH, LAGOS))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class TrailingWindows {

    @Test
    void startTheirLengthBeforeTheAuthorizationAndHaveNoEnd() {
      TimeRange lastHour = Windows.trailing(Duration.ofHours(1), Instant.parse("2025-03-01T10:00:00Z"));

      assertThat(lastHour).isEqualTo(TimeRange.since(Instant.parse("2025-03-01T09:00:00Z")));
      assertThat(lastHour.contains(Instant.parse("2025-03-01T09:00:00Z"))).isTrue();
      assertThat(lastHour.contains(Instant.parse("2025-03-01T08:59:59.999Z"))).isFalse();
      // Evaluated after a later authorization (out of time order), the window still counts it.
      assertThat(lastHour.contains(Instant.parse("2025-03-01T10:00:05Z"))).isTrue();
    }

    @Test
    void doNotDependOnTheTimeZone() {
      Instant at = Instant.parse("2025-03-01T22:30:00Z");

      assertThat(Windows.trailing(Duration.ofSeconds(10), at)).isEqualTo(TimeRange.since(Instant.parse("2025-03-01T22:29:50Z")));
    }
  }
}
