package io.kadi.card.issuing.persistence;

import io.kadi.card.issuing.domain.Funding;
import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FundingRepository {

  private final JdbcClient jdbc;

  FundingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Funding funding, String createdBy) {
    jdbc.sql("""
            insert into fundings (id, card_id, reference, amount, currency, created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(funding.id(), funding.cardId(), funding.reference(), funding.amount().minorUnits(),
            funding.amount().currency().code(), createdBy, Timestamp.from(funding.createdAt()))
        .update();
  }

  public Optional<Funding> find(UUID cardId, String reference) {
    return jdbc.sql("select id, card_id, reference, amount, currency, created_at from fundings where card_id = ? and reference = ?")
        .params(cardId, reference)
        .query((row, number) -> new Funding(
            row.getObject("id", UUID.class),
            row.getObject("card_id", UUID.class),
            new Money(row.getLong("amount"), IsoCurrency.valueOf(row.getString("currency"))),
            row.getString("reference"),
            row.getTimestamp("created_at").toInstant()))
        .optional();
  }
}
