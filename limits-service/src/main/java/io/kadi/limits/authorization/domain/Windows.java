package io.kadi.limits.authorization.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Which instants a limit counts, as pure functions of the authorization's time. */
public final class Windows {

  private Windows() {}

  /**
   * The calendar period of the interval that contains {@code at} in the zone: the day from midnight, the week from
   * Monday, the month from the 1st, the year from 1 January; for all_time, everything. Where midnight does not exist
   * (a daylight-saving gap), the period starts at the first instant of the date.
   *
   * <p>The whole period counts, later instants included, so that its total stays within the limit even when
   * authorizations are evaluated out of their time order (two cards of one cardholder, say).
   */
  public static TimeRange calendar(Interval interval, Instant at, ZoneId zone) {
    LocalDate date = at.atZone(zone).toLocalDate();
    return switch (interval) {
      case DAILY -> period(date, date.plusDays(1), zone);
      case WEEKLY -> {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield period(monday, monday.plusWeeks(1), zone);
      }
      case MONTHLY -> {
        LocalDate first = date.withDayOfMonth(1);
        yield period(first, first.plusMonths(1), zone);
      }
      case YEARLY -> {
        LocalDate first = date.withDayOfYear(1);
        yield period(first, first.plusYears(1), zone);
      }
      case ALL_TIME -> TimeRange.ALL_TIME;
      case PER_AUTHORIZATION -> throw new IllegalArgumentException("A per-authorization limit counts no window");
    };
  }

  /**
   * The trailing window of the length that ends at {@code at}: from {@code at - length} on. It has no end, so that an
   * authorization evaluated after a later one (out of their time order) still counts it; in time order there is none.
   * That way no window of that length, wherever it ends, ever holds more than the limit.
   */
  public static TimeRange trailing(Duration length, Instant at) {
    return TimeRange.since(at.minus(length));
  }

  private static TimeRange period(LocalDate first, LocalDate next, ZoneId zone) {
    return TimeRange.between(first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
  }
}
