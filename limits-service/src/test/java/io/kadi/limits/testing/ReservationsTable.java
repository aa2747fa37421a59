package io.kadi.limits.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reservations and inbox rows as SQL sees them. */
public final class ReservationsTable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final JdbcClient jdbc;

  public ReservationsTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A row of the reservations table, mcc null when unknown. */
  public record Row(UUID authorizationId, UUID cardId, UUID cardholderId, long amount, String currency, String mcc,
      Instant authorizedAt, String status) {}

  public Optional<Row> row(UUID authorizationId) {
    return jdbc.sql("""
            select authorization_id, card_id, cardholder_id, amount, currency, mcc, authorized_at, status
            from reservations where authorization_id = ?""")
        .param(authorizationId)
        .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
            rs.getLong(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
        .optional();
  }

  /** Waits until the authorization's row is there and matches. */
  public Row awaitRow(UUID authorizationId, Predicate<Row> match) {
    return await().atMost(TIMEOUT).until(() -> row(authorizationId), row -> row.isPresent() && match.test(row.get())).orElseThrow();
  }

  public Row awaitStatus(UUID authorizationId, String status) {
    return awaitRow(authorizationId, row -> row.status().equals(status));
  }

  public List<Row> ofCardholder(UUID cardholderId) {
    return jdbc.sql("select authorization_id from reservations where cardholder_id = ?").param(cardholderId)
        .query(UUID.class).list().stream().map(id -> row(id).orElseThrow()).toList();
  }

  /** How many times the message was recorded as handled by the service's listener. */
  public int inboxRows(UUID eventId) {
    return jdbc.sql("select count(*) from inbox where handler = 'limits-authorizations' and message_id = ?")
        .param(eventId.toString()).query(Integer.class).single();
  }
}
