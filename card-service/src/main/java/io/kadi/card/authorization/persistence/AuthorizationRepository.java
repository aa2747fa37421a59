package io.kadi.card.authorization.persistence;

import io.kadi.card.authorization.domain.Authorization;
import io.kadi.card.authorization.domain.AuthorizationStatus;
import io.kadi.card.authorization.domain.DeclineReason;
import io.kadi.card.authorization.domain.LimitsResult;
import io.kadi.card.authorization.domain.Merchant;
import io.kadi.card.authorization.domain.RiskResult;
import io.kadi.card.controls.domain.Channel;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.context.Tenant;
import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Authorizations, each with the results that came in for it. */
@Repository
public class AuthorizationRepository {

  private static final String COLUMNS = """
      id, card_id, cardholder_id, mode, amount, currency, merchant_name, merchant_mcc, merchant_country, merchant_city,
      channel, status, decline_reason, stand_in, held, captured, limits_approved, limits_violations, risk_score,
      risk_action, created_at, decided_at""";

  private final JdbcClient jdbc;

  AuthorizationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Authorization authorization, RequestContext context) {
    jdbc.sql("""
            insert into authorizations (id, card_id, cardholder_id, mode, amount, currency, merchant_name, merchant_mcc,
                                        merchant_country, merchant_city, channel, status, decline_reason, stand_in, held,
                                        captured, request_id, created_by, created_at, decided_at, updated_at)
            values (:id, :card, :cardholder, :mode, :amount, :currency, :name, :mcc, :country, :city, :channel, :status,
                    :reason, :standIn, :held, :captured, :requestId, :createdBy, :createdAt, :decidedAt, :createdAt)""")
        .param("id", authorization.id())
        .param("card", authorization.cardId())
        .param("cardholder", authorization.cardholderId())
        .param("mode", authorization.mode().wireName())
        .param("amount", authorization.amount().minorUnits())
        .param("currency", authorization.amount().currency().code())
        .param("name", authorization.merchant().name())
        .param("mcc", authorization.merchant().mcc())
        .param("country", authorization.merchant().country())
        .param("city", authorization.merchant().city())
        .param("channel", wire(authorization.channel()))
        .param("status", wire(authorization.status()))
        .param("reason", authorization.declineReason() == null ? null : authorization.declineReason().code())
        .param("standIn", authorization.standIn())
        .param("held", authorization.held())
        .param("captured", authorization.captured())
        .param("requestId", context.requestId())
        .param("createdBy", context.actorClientId())
        .param("createdAt", Timestamp.from(authorization.createdAt()))
        .param("decidedAt", timestamp(authorization.decidedAt()))
        .update();
  }

  /** Saves what changes after the request: the status, the amounts held and captured, and the results. */
  public void update(Authorization authorization, Instant at) {
    LimitsResult limits = authorization.limits();
    RiskResult risk = authorization.risk();
    jdbc.sql("""
            update authorizations
               set status = :status, decline_reason = :reason, stand_in = :standIn, held = :held, captured = :captured,
                   limits_approved = :limitsApproved, limits_violations = :violations, risk_score = :riskScore,
                   risk_action = :riskAction, decided_at = :decidedAt, updated_at = :at
             where id = :id""")
        .param("status", wire(authorization.status()))
        .param("reason", authorization.declineReason() == null ? null : authorization.declineReason().code())
        .param("standIn", authorization.standIn())
        .param("held", authorization.held())
        .param("captured", authorization.captured())
        .param("limitsApproved", limits == null ? null : limits.approved())
        .param("violations", limits == null ? null : limits.violations().toArray(String[]::new))
        .param("riskScore", risk == null ? null : risk.score())
        .param("riskAction", risk == null ? null : wire(risk.action()))
        .param("decidedAt", timestamp(authorization.decidedAt()))
        .param("at", Timestamp.from(at))
        .param("id", authorization.id())
        .update();
  }

  public Optional<Authorization> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from authorizations where id = ?").param(id)
        .query(AuthorizationRepository::map).optional();
  }

  /**
   * The authorization, if the tenant sees its card: one of another mode or program is simply not found, so that
   * nothing tells a client it exists.
   */
  public Optional<Authorization> find(UUID id, Tenant tenant) {
    return jdbc.sql("select " + COLUMNS + " from authorizations a where id = ? and mode = ? and exists ("
            + "select 1 from cards c where c.id = a.card_id and (cast(? as uuid) is null or c.program_id = ?))")
        .params(id, tenant.mode().wireName(), tenant.programId(), tenant.programId())
        .query(AuthorizationRepository::map).optional();
  }

  /** Locked until the transaction ends; lock its card first. */
  public Optional<Authorization> findForUpdate(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from authorizations where id = ? for update").param(id)
        .query(AuthorizationRepository::map).optional();
  }

  /** The context the authorization was requested in, for what happens to it later without a request of its own. */
  public RequestContext contextOf(UUID id) {
    return jdbc.sql("select request_id, created_by, mode from authorizations where id = ?").param(id)
        .query((row, number) -> new RequestContext(row.getString("request_id"), row.getString("created_by"),
            Mode.fromWireName(row.getString("mode")), id.toString()))
        .single();
  }

  public List<UUID> pendingBefore(Instant cutoff, int max) {
    return jdbc.sql("select id from authorizations where status = 'pending' and created_at < ? order by created_at limit ?")
        .params(Timestamp.from(cutoff), max)
        .query(UUID.class)
        .list();
  }

  private static Authorization map(ResultSet row, int number) throws SQLException {
    IsoCurrency currency = IsoCurrency.valueOf(row.getString("currency"));
    Object limitsApproved = row.getObject("limits_approved");
    Object riskScore = row.getObject("risk_score");
    return new Authorization(
        row.getObject("id", UUID.class),
        row.getObject("card_id", UUID.class),
        row.getObject("cardholder_id", UUID.class),
        Mode.fromWireName(row.getString("mode")),
        new Money(row.getLong("amount"), currency),
        new Merchant(row.getString("merchant_name"), row.getString("merchant_mcc"), row.getString("merchant_country"),
            row.getString("merchant_city")),
        Channel.valueOf(row.getString("channel").toUpperCase(Locale.ROOT)),
        AuthorizationStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
        Optional.ofNullable(row.getString("decline_reason")).flatMap(DeclineReason::fromCode).orElse(null),
        row.getBoolean("stand_in"),
        row.getLong("held"),
        row.getLong("captured"),
        limitsApproved == null ? null : new LimitsResult((Boolean) limitsApproved, strings(row.getArray("limits_violations"))),
        riskScore == null ? null : new RiskResult(((Number) riskScore).intValue(),
            RiskResult.Action.valueOf(row.getString("risk_action").toUpperCase(Locale.ROOT))),
        row.getTimestamp("created_at").toInstant(),
        Optional.ofNullable(row.getTimestamp("decided_at")).map(Timestamp::toInstant).orElse(null));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
