package io.kadi.risk.scoring.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.risk.scoring.domain.Attempt;
import io.kadi.risk.scoring.domain.AttemptStatus;
import io.kadi.risk.scoring.domain.CardHistory;
import io.kadi.risk.scoring.domain.Channel;
import io.kadi.risk.scoring.domain.Totals;
import io.kadi.risk.scoring.domain.Window;
import io.kadi.risk.testing.RiskServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one aggregate query: every window's bounds, currencies, statuses and the countries a card was used in. */
@RiskServiceTest
class AuthorizationHistoryIT {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @Autowired AuthorizationHistory history;

  private final UUID card = UUID.randomUUID();

  @Test
  void readsEveryWindowEndingAtTheAuthorizationItsStartExcluded() {
    Attempt now = record(NOW, 1_000, "NGN", "NG", false);
    record(NOW.minusMillis(59_999), 50, "NGN", "NG", true);
    record(NOW.minusSeconds(60), 2_000, "NGN", "NG", false);
    record(NOW.minusMillis(299_999), 99, "NGN", "NG", true);
    record(NOW.minusSeconds(300), 10, "NGN", "NG", true);
    record(NOW.minus(Duration.ofMinutes(30)), 5_000, "USD", "NG", false);
    record(NOW.minus(Duration.ofHours(23)), 7_000, "NGN", "NG", false);
    record(NOW.minus(Duration.ofHours(24)), 8_000, "NGN", "NG", false);
    record(NOW.plusSeconds(1), 9_000, "NGN", "NG", true);

    assertThat(history.asOf(now)).isEqualTo(new CardHistory(Map.of(
        Window.LAST_1M, new Totals(2, 1_050),
        Window.LAST_10M, new Totals(5, 3_159),
        Window.LAST_1H, new Totals(6, 3_159),   // the USD authorization is counted, not summed
        Window.LAST_24H, new Totals(7, 10_159)), // 24 hours ago exactly is out; 1 second ahead is not yet
        2, Totals.NONE, true));
  }

  @Test
  void theSpendingHistoryIsOfApprovedAndCapturedAuthorizationsOfThirtyDaysCapturedForTheirCapturedAmount() {
    Attempt now = record(NOW, 1_000, "NGN", "NG", false);
    approve(record(NOW.minus(Duration.ofDays(1)), 8_000, "NGN", "NG", false));
    Attempt captured = approve(record(NOW.minus(Duration.ofDays(29)), 10_000, "NGN", "NG", false));
    assertThat(history.move(captured.authorizationId(), AttemptStatus.APPROVED, AttemptStatus.CAPTURED, 6_000L, null)).isTrue();
    approve(record(NOW.minus(Duration.ofDays(30)), 20_000, "NGN", "NG", false));
    approve(record(NOW.minus(Duration.ofDays(2)), 30_000, "USD", "NG", false));
    Attempt reversed = approve(record(NOW.minus(Duration.ofDays(3)), 40_000, "NGN", "NG", false));
    assertThat(history.move(reversed.authorizationId(), AttemptStatus.APPROVED, AttemptStatus.REVERSED, null, null)).isTrue();
    Attempt declined = record(NOW.minus(Duration.ofDays(4)), 50_000, "NGN", "NG", false);
    assertThat(history.move(declined.authorizationId(), AttemptStatus.PENDING, AttemptStatus.DECLINED, null, "spending_limit")).isTrue();
    record(NOW.minus(Duration.ofDays(5)), 60_000, "NGN", "NG", false);

    assertThat(history.asOf(now).spent30d()).isEqualTo(new Totals(2, 14_000));
  }

  @Test
  void aCountryIsSeenWhenAnyOtherAuthorizationOfTheCardWasThereHoweverLongAgo() {
    record(NOW.minus(Duration.ofDays(200)), 1_000, "NGN", "GH", false);
    Attempt inGhana = record(NOW, 1_000, "NGN", "GH", false);
    Attempt inKenya = record(NOW.plusSeconds(1), 1_000, "NGN", "KE", false);

    assertThat(history.asOf(inGhana).merchantCountrySeen()).isTrue();
    assertThat(history.asOf(inKenya).merchantCountrySeen()).as("its own authorization is not history").isFalse();
  }

  @Test
  void anAuthorizationIsRecordedOnceAndMovesOnlyFromTheStatusItIsIn() {
    Attempt attempt = attempt(NOW, 1_000, "NGN", "NG", Optional.empty());

    assertThat(history.record(attempt, false)).isTrue();
    assertThat(history.record(attempt, false)).isFalse();
    assertThat(history.move(attempt.authorizationId(), AttemptStatus.APPROVED, AttemptStatus.CAPTURED, 1_000L, null)).isFalse();
    assertThat(history.move(attempt.authorizationId(), AttemptStatus.PENDING, AttemptStatus.APPROVED, null, null)).isTrue();
    assertThat(history.move(attempt.authorizationId(), AttemptStatus.PENDING, AttemptStatus.DECLINED, null, "timeout")).isFalse();
    assertThat(history.move(UUID.randomUUID(), AttemptStatus.PENDING, AttemptStatus.APPROVED, null, null)).isFalse();
  }

  @Test
  void anAttemptDeclinedAtRequestIsRecordedDeclinedAndCountsInTheWindows() {
    Attempt declined = attempt(NOW.minusSeconds(10), 50, "NGN", "NG", Optional.of("insufficient_funds"));
    history.record(declined, true);
    Attempt now = record(NOW, 60, "NGN", "NG", true);

    CardHistory read = history.asOf(now);

    assertThat(read.in(Window.LAST_1M)).isEqualTo(new Totals(2, 110));
    assertThat(read.smallAuthorizations5m()).isEqualTo(2);
    assertThat(history.move(declined.authorizationId(), AttemptStatus.PENDING, AttemptStatus.DECLINED, null, null)).isFalse();
  }

  private Attempt approve(Attempt attempt) {
    assertThat(history.move(attempt.authorizationId(), AttemptStatus.PENDING, AttemptStatus.APPROVED, null, null)).isTrue();
    return attempt;
  }

  private Attempt record(Instant at, long amount, String currency, String country, boolean small) {
    Attempt attempt = attempt(at, amount, currency, country, Optional.empty());
    assertThat(history.record(attempt, small)).isTrue();
    return attempt;
  }

  private Attempt attempt(Instant at, long amount, String currency, String country, Optional<String> declinedAtRequest) {
    return new Attempt(UUID.randomUUID(), card, UUID.randomUUID(), amount, currency, "5411", country, Channel.ECOMMERCE, at, "NG",
        ZoneId.of("Africa/Lagos"), declinedAtRequest);
  }
}
