package io.kadi.card.authorization.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A card's fundings and authorizations, newest first. Ids are UUIDv7, so their order is the order of creation. */
@Repository
public class TransactionRepository {

  /** One line of a card's history. Funding lines have a reference; authorization lines a merchant and amounts held and captured. */
  public record Line(UUID id, String type, String status, long amount, String currency, long held, long captured,
      String declineReason, String merchantName, String merchantMcc, String merchantCountry, String merchantCity,
      String reference, Instant createdAt) {}

  private final JdbcClient jdbc;

  TransactionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Up to {@code limit} lines older than {@code startingAfter} (all, when null). */
  public List<Line> page(UUID cardId, UUID startingAfter, int limit) {
    return jdbc.sql("""
            select * from (
              select id, 'funding' as type, 'succeeded' as status, amount, currency, 0::bigint as held,
                     0::bigint as captured, null as decline_reason, null as merchant_name, null as merchant_mcc,
                     null as merchant_country, null as merchant_city, reference, created_at
                from fundings where card_id = :card
              union all
              select id, 'authorization', status, amount, currency, held, captured, decline_reason, merchant_name,
                     merchant_mcc, merchant_country, merchant_city, null, created_at
                from authorizations where card_id = :card
            ) lines
            where cast(:after as uuid) is null or id < cast(:after as uuid)
            order by id desc
            limit :limit""")
        .param("card", cardId)
        .param("after", startingAfter)
        .param("limit", limit)
        .query(TransactionRepository::map)
        .list();
  }

  private static Line map(ResultSet row, int number) throws SQLException {
    return new Line(row.getObject("id", UUID.class), row.getString("type"), row.getString("status"), row.getLong("amount"),
        row.getString("currency"), row.getLong("held"), row.getLong("captured"), row.getString("decline_reason"),
        row.getString("merchant_name"), row.getString("merchant_mcc"), row.getString("merchant_country"),
        row.getString("merchant_city"), row.getString("reference"), row.getTimestamp("created_at").toInstant());
  }
}
