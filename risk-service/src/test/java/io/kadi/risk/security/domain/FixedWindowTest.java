package io.kadi.risk.security.domain;

import static io.kadi.risk.security.domain.Requests.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Fixed windows: a request's window is its time truncated to the window's length, the same on every instance. */
class FixedWindowTest {

  private static final Threshold FIVE_MINUTES = new Threshold(5, Duration.ofMinutes(5));

  @Test
  void aWindowStartsAtTheRequestsTimeTruncatedToTheWindowsLength() {
    assertThat(FIVE_MINUTES.windowAt(Instant.parse("2026-03-10T12:00:00Z")))
        .isEqualTo(window("2026-03-10T12:00:00Z", "2026-03-10T12:05:00Z"));
    assertThat(FIVE_MINUTES.windowAt(Instant.parse("2026-03-10T12:04:59.999Z")))
        .isEqualTo(window("2026-03-10T12:00:00Z", "2026-03-10T12:05:00Z"));
    assertThat(FIVE_MINUTES.windowAt(Instant.parse("2026-03-10T12:05:00Z")))
        .isEqualTo(window("2026-03-10T12:05:00Z", "2026-03-10T12:10:00Z"));
  }

  @Test
  void windowsThatDoNotDivideAnHourTileTimeFromTheUnixEpoch() {
    assertThat(new Threshold(1, Duration.ofMinutes(7)).windowAt(Instant.parse("2026-03-10T12:03:17Z")))
        .isEqualTo(window("2026-03-10T11:57:00Z", "2026-03-10T12:04:00Z"));
    assertThat(FIVE_MINUTES.windowAt(Instant.parse("1969-12-31T23:59:59Z")))
        .isEqualTo(window("1969-12-31T23:55:00Z", "1970-01-01T00:00:00Z"));
  }

  @Test
  void aWindowIsShownAsAnIsoIntervalAndItsLengthInWords() {
    FixedWindow window = window("2026-03-10T12:00:00Z", "2026-03-10T12:05:00Z");

    assertThat(window.interval()).isEqualTo("2026-03-10T12:00:00Z/2026-03-10T12:05:00Z");
    assertThat(window.lengthInWords()).isEqualTo("5-minute");
    assertThat(window("2026-03-10T12:00:00Z", "2026-03-10T14:00:00Z").lengthInWords()).isEqualTo("2-hour");
    assertThat(window("2026-03-10T12:00:00Z", "2026-03-10T12:00:45Z").lengthInWords()).isEqualTo("45-second");
  }

  @Test
  void aThresholdCountsAtLeastOneRequestInAWindowOfWholeSeconds() {
    assertThatThrownBy(() -> new Threshold(0, Duration.ofMinutes(5))).hasMessage("A threshold counts at least 1 request, not 0");
    assertThatThrownBy(() -> new Threshold(5, Duration.ofMillis(1500)))
        .hasMessage("A window is a whole number of seconds, at least one, not PT1.5S");
    assertThatThrownBy(() -> new Threshold(5, Duration.ZERO)).hasMessage("A window is a whole number of seconds, at least one, not PT0S");
  }

  @Property
  void everyInstantIsInTheWindowThatHoldsIt(@ForAll @LongRange(min = -4_000_000_000_000L, max = 4_000_000_000_000L) long millis,
      @ForAll @IntRange(min = 1, max = 86_400) int seconds) {
    Instant at = Instant.ofEpochMilli(millis);
    FixedWindow window = new Threshold(1, Duration.ofSeconds(seconds)).windowAt(at);

    assertThat(window.length()).isEqualTo(Duration.ofSeconds(seconds));
    assertThat(window.start()).isBeforeOrEqualTo(at);
    assertThat(window.end()).isAfter(at);
    assertThat(window.start().toEpochMilli() % (seconds * 1000L)).isZero();
  }

  @Property
  void aWindowOfRequestsFiresOnceWhenItReachesTheThresholdAndNeverBelow(@ForAll @IntRange(min = 1, max = 100) int threshold,
      @ForAll @IntRange(min = 0, max = 200) int requests) {
    Threshold rule = new Threshold(threshold, Duration.ofMinutes(1));

    long fired = IntStream.rangeClosed(1, requests).filter(rule::firesAt).count();

    assertThat(fired).isEqualTo(requests >= threshold ? 1 : 0);
  }
}
