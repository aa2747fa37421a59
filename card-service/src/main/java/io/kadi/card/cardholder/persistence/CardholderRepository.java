package io.kadi.card.cardholder.persistence;

import io.kadi.card.cardholder.domain.Cardholder;
import io.kadi.card.cardholder.domain.Kyc;
import io.kadi.card.cardholder.domain.KycStatus;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cardholders, always looked up within what a tenant sees: one mode, and one program unless the work is Kadi's own. A
 * sandbox request never sees a live cardholder, nor a client another program's.
 */
@Repository
public class CardholderRepository {

  private static final String COLUMNS =
      "id, mode, program_id, name, email, phone_number, country, timezone, kyc_status, kyc_tier, kyc_reference, created_at";

  private final JdbcClient jdbc;

  CardholderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Cardholder cardholder, String createdBy) {
    jdbc.sql("""
            insert into cardholders (id, mode, program_id, name, email, phone_number, country, timezone, kyc_status,
                                     created_by, created_at, updated_at)
            values (:id, :mode, :program, :name, :email, :phone, :country, :timezone, :kyc, :createdBy, :createdAt, :createdAt)""")
        .param("id", cardholder.id())
        .param("mode", cardholder.mode().wireName())
        .param("program", cardholder.programId())
        .param("name", cardholder.name())
        .param("email", cardholder.email())
        .param("phone", cardholder.phoneNumber())
        .param("country", cardholder.country())
        .param("timezone", cardholder.timezone().getId())
        .param("kyc", wire(cardholder.kyc().status()))
        .param("createdBy", createdBy)
        .param("createdAt", java.sql.Timestamp.from(cardholder.createdAt()))
        .update();
  }

  public void updateKyc(Cardholder cardholder, Instant at) {
    jdbc.sql("update cardholders set kyc_status = ?, kyc_tier = ?, kyc_reference = ?, updated_at = ? where id = ?")
        .params(wire(cardholder.kyc().status()), cardholder.kyc().tier(), cardholder.kyc().reference(),
            java.sql.Timestamp.from(at), cardholder.id())
        .update();
  }

  public Optional<Cardholder> find(UUID id, Tenant tenant) {
    return select(id, tenant, "");
  }

  public Optional<Cardholder> findForUpdate(UUID id, Tenant tenant) {
    return select(id, tenant, " for update");
  }

  public Optional<Cardholder> findForShare(UUID id, Tenant tenant) {
    return select(id, tenant, " for share");
  }

  /** Another program's cardholder is simply not found, so that nothing tells a client it exists. */
  private Optional<Cardholder> select(UUID id, Tenant tenant, String lock) {
    return jdbc.sql("select " + COLUMNS + " from cardholders where id = ? and mode = ?"
            + " and (cast(? as uuid) is null or program_id = ?)" + lock)
        .params(id, tenant.mode().wireName(), tenant.programId(), tenant.programId())
        .query(CardholderRepository::map)
        .optional();
  }

  private static Cardholder map(ResultSet row, int number) throws SQLException {
    return new Cardholder(
        row.getObject("id", UUID.class),
        Mode.fromWireName(row.getString("mode")),
        row.getObject("program_id", UUID.class),
        row.getString("name"),
        row.getString("email"),
        row.getString("phone_number"),
        row.getString("country"),
        ZoneId.of(row.getString("timezone")),
        new Kyc(KycStatus.valueOf(row.getString("kyc_status").toUpperCase(Locale.ROOT)),
            row.getObject("kyc_tier", Integer.class), row.getString("kyc_reference")),
        row.getTimestamp("created_at").toInstant());
  }

  private static String wire(KycStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
