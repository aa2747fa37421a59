package io.kadi.risk.scoring.domain;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The cardholder's night: local times from {@code start} (included) to {@code end} (excluded). A window whose end is
 * before its start spans midnight: 23:00 to 05:00 holds 23:30 and 04:59.
 */
public record OffHours(LocalTime start, LocalTime end) {

  public OffHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.equals(end)) {
      throw new IllegalArgumentException("The off-hours window " + start + "-" + end + " is empty");
    }
  }

  public boolean contains(LocalTime time) {
    return start.isBefore(end)
        ? !time.isBefore(start) && time.isBefore(end)
        : !time.isBefore(start) || time.isBefore(end);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
