package io.kadi.card.issuing.persistence;

import io.kadi.card.issuing.domain.Card;
import io.kadi.card.issuing.domain.CardStatus;
import io.kadi.card.issuing.domain.CardType;
import io.kadi.card.vault.crypto.EncryptedPan;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.Tenant;
import io.kadi.kit.money.IsoCurrency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cards, always looked up within what a tenant sees: one mode, and one program unless the work is Kadi's own. The
 * encrypted PAN is written here and never read back into a Card.
 */
@Repository
public class CardRepository {

  private static final String COLUMNS = """
      id, cardholder_id, mode, program_id, type, currency, status, bin, last4, exp_month, exp_year, available, held, created_at""";

  private final JdbcClient jdbc;

  CardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Card card, EncryptedPan pan, String createdBy) {
    jdbc.sql("""
            insert into cards (id, cardholder_id, mode, program_id, type, currency, status, bin, last4, exp_month,
                               exp_year, pan_ciphertext, pan_key_version, pan_fingerprint, available, held, created_by,
                               created_at, updated_at)
            values (:id, :cardholder, :mode, :program, :type, :currency, :status, :bin, :last4, :expMonth, :expYear,
                    :ciphertext, :keyVersion, :fingerprint, :available, :held, :createdBy, :createdAt, :createdAt)""")
        .param("id", card.id())
        .param("cardholder", card.cardholderId())
        .param("mode", card.mode().wireName())
        .param("program", card.programId())
        .param("type", wire(card.type()))
        .param("currency", card.currency().code())
        .param("status", wire(card.status()))
        .param("bin", card.bin())
        .param("last4", card.last4())
        .param("expMonth", card.expiry().getMonthValue())
        .param("expYear", card.expiry().getYear())
        .param("ciphertext", pan.ciphertext())
        .param("keyVersion", pan.keyVersion())
        .param("fingerprint", pan.fingerprint())
        .param("available", card.available())
        .param("held", card.held())
        .param("createdBy", createdBy)
        .param("createdAt", Timestamp.from(card.createdAt()))
        .update();
  }

  /** The card's PAN as stored, for the reveal endpoint only: the one read of it. */
  public Optional<EncryptedPan> encryptedPan(UUID id) {
    return jdbc.sql("select pan_key_version, pan_ciphertext, pan_fingerprint from cards where id = ?")
        .param(id)
        .query((row, number) -> new EncryptedPan(row.getInt("pan_key_version"), row.getBytes("pan_ciphertext"),
            row.getBytes("pan_fingerprint")))
        .optional();
  }

  public boolean fingerprintTaken(byte[] fingerprint) {
    return jdbc.sql("select exists (select 1 from cards where pan_fingerprint = ?)").param(fingerprint).query(Boolean.class).single();
  }

  public void updateStatus(Card card, Instant at) {
    jdbc.sql("update cards set status = ?, updated_at = ? where id = ?")
        .params(wire(card.status()), Timestamp.from(at), card.id())
        .update();
  }

  public void updateBalance(Card card, Instant at) {
    jdbc.sql("update cards set available = ?, held = ?, updated_at = ? where id = ?")
        .params(card.available(), card.held(), Timestamp.from(at), card.id())
        .update();
  }

  public Optional<Card> find(UUID id, Tenant tenant) {
    return select(id, tenant, "");
  }

  /** The card, locked until the transaction ends: every change to a card goes through here. */
  public Optional<Card> findForUpdate(UUID id, Tenant tenant) {
    return select(id, tenant, " for update");
  }

  /** Another program's card is simply not found, so that nothing tells a client it exists. */
  private Optional<Card> select(UUID id, Tenant tenant, String lock) {
    return jdbc.sql("select " + COLUMNS + " from cards where id = ? and mode = ?"
            + " and (cast(? as uuid) is null or program_id = ?)" + lock)
        .params(id, tenant.mode().wireName(), tenant.programId(), tenant.programId())
        .query(CardRepository::map)
        .optional();
  }

  private static Card map(ResultSet row, int number) throws SQLException {
    return new Card(
        row.getObject("id", UUID.class),
        row.getObject("cardholder_id", UUID.class),
        Mode.fromWireName(row.getString("mode")),
        row.getObject("program_id", UUID.class),
        CardType.valueOf(row.getString("type").toUpperCase(Locale.ROOT)),
        IsoCurrency.valueOf(row.getString("currency")),
        CardStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
        row.getString("bin"),
        row.getString("last4"),
        YearMonth.of(row.getInt("exp_year"), row.getInt("exp_month")),
        row.getLong("available"),
        row.getLong("held"),
        row.getTimestamp("created_at").toInstant());
  }

  private static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
