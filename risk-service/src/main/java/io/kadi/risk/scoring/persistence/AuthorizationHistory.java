package io.kadi.risk.scoring.persistence;

import io.kadi.risk.scoring.domain.Attempt;
import io.kadi.risk.scoring.domain.AttemptStatus;
import io.kadi.risk.scoring.domain.CardHistory;
import io.kadi.risk.scoring.domain.Totals;
import io.kadi.risk.scoring.domain.Window;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cards' authorization history ({@code authorization_history}): what the risk features are computed from. */
@Repository
public class AuthorizationHistory {

  /**
   * Every feature of the card's history in one statement: one index range scan over the card's last 30 days, with a
   * FILTER per window, and one index probe for the merchant country. Sums are of the authorization's currency only;
   * counts are of every currency and status.
   */
  private static final String FEATURES = """
      select
        count(*) filter (where occurred_at > :start_1m) as count_1m,
        coalesce(sum(amount) filter (where occurred_at > :start_1m and currency = :currency), 0) as amount_1m,
        count(*) filter (where occurred_at > :start_10m) as count_10m,
        coalesce(sum(amount) filter (where occurred_at > :start_10m and currency = :currency), 0) as amount_10m,
        count(*) filter (where occurred_at > :start_1h) as count_1h,
        coalesce(sum(amount) filter (where occurred_at > :start_1h and currency = :currency), 0) as amount_1h,
        count(*) filter (where occurred_at > :start_24h) as count_24h,
        coalesce(sum(amount) filter (where occurred_at > :start_24h and currency = :currency), 0) as amount_24h,
        count(*) filter (where small and occurred_at > :start_small) as small_5m,
        count(*) filter (where status in ('approved', 'captured') and currency = :currency) as spent_count_30d,
        coalesce(sum(coalesce(captured_amount, amount))
            filter (where status in ('approved', 'captured') and currency = :currency), 0) as spent_amount_30d,
        exists (select 1 from authorization_history seen
                where seen.card_id = :card and seen.merchant_country = :country
                  and seen.authorization_id <> :authorization) as country_seen
      from authorization_history
      where card_id = :card and occurred_at > :start_30d and occurred_at <= :now""";

  private final JdbcClient jdbc;

  AuthorizationHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the authorization in its card's history, with its initial status.
   *
   * @param small whether its amount counts as small for card testing
   * @return false when the authorization is in the history already
   */
  public boolean record(Attempt attempt, boolean small) {
    return jdbc.sql("""
            insert into authorization_history (authorization_id, card_id, cardholder_id, amount, currency, small, mcc,
                merchant_country, channel, occurred_at, status, decline_reason)
            values (:authorization, :card, :cardholder, :amount, :currency, :small, :mcc, :country, :channel, :occurredAt,
                :status, :declineReason)
            on conflict (authorization_id) do nothing""")
        .param("authorization", attempt.authorizationId())
        .param("card", attempt.cardId())
        .param("cardholder", attempt.cardholderId())
        .param("amount", attempt.amount())
        .param("currency", attempt.currency())
        .param("small", small)
        .param("mcc", attempt.mcc())
        .param("country", attempt.merchantCountry())
        .param("channel", attempt.channel().name().toLowerCase(Locale.ROOT))
        .param("occurredAt", timestamp(attempt.occurredAt()))
        .param("status", wire(attempt.initialStatus()))
        .param("declineReason", attempt.declinedAtRequest().orElse(null))
        .update() == 1;
  }

  /** The card's history as of the authorization's occurredAt, the authorization (recorded already) included. */
  public CardHistory asOf(Attempt attempt) {
    Instant now = attempt.occurredAt();
    return jdbc.sql(FEATURES)
        .param("card", attempt.cardId())
        .param("authorization", attempt.authorizationId())
        .param("currency", attempt.currency())
        .param("country", attempt.merchantCountry())
        .param("now", timestamp(now))
        .param("start_1m", timestamp(Window.LAST_1M.startBefore(now)))
        .param("start_10m", timestamp(Window.LAST_10M.startBefore(now)))
        .param("start_1h", timestamp(Window.LAST_1H.startBefore(now)))
        .param("start_24h", timestamp(Window.LAST_24H.startBefore(now)))
        .param("start_small", timestamp(now.minus(Window.SMALL_BURST)))
        .param("start_30d", timestamp(now.minus(Window.SPENDING_HISTORY)))
        .query(AuthorizationHistory::cardHistory)
        .single();
  }

  /**
   * Moves the authorization from one status to another, recording the amount captured or the decline reason when
   * given. Nothing changes unless the authorization is in the history with the expected status.
   *
   * @return whether it moved
   */
  public boolean move(UUID authorizationId, AttemptStatus from, AttemptStatus to, Long capturedAmount, String declineReason) {
    return jdbc.sql("""
            update authorization_history
            set status = :to,
                captured_amount = coalesce(:captured, captured_amount),
                decline_reason = coalesce(:declineReason, decline_reason)
            where authorization_id = :authorization and status = :from""")
        .param("authorization", authorizationId)
        .param("from", wire(from))
        .param("to", wire(to))
        .param("captured", capturedAmount, java.sql.Types.BIGINT)
        .param("declineReason", declineReason, java.sql.Types.VARCHAR)
        .update() == 1;
  }

  /** Deletes, in batches, the authorizations that occurred before the cutoff; returns how many. */
  public int forgetBefore(Instant cutoff, int batch) {
    return jdbc.sql("""
            delete from authorization_history where authorization_id in (
              select authorization_id from authorization_history where occurred_at < :cutoff limit :batch)""")
        .param("cutoff", timestamp(cutoff))
        .param("batch", batch)
        .update();
  }

  private static CardHistory cardHistory(ResultSet row, int rowNumber) throws SQLException {
    Map<Window, Totals> windows = new EnumMap<>(Window.class);
    for (Window window : Window.values()) {
      windows.put(window, new Totals(row.getInt("count_" + window.label()), row.getLong("amount_" + window.label())));
    }
    return new CardHistory(windows, row.getInt("small_5m"),
        new Totals(row.getInt("spent_count_30d"), row.getLong("spent_amount_30d")), row.getBoolean("country_seen"));
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String wire(AttemptStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
