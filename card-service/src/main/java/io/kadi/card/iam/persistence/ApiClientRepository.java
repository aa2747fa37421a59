package io.kadi.card.iam.persistence;

import io.kadi.card.iam.domain.ApiClient;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.SecretCipher;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The iam schema's programs, clients and keys. Secrets are written encrypted and never read back here. */
@Repository
public class ApiClientRepository {

  private static final String CLIENT_COLUMNS =
      "id, program_id, name, mode, roles, scopes, allowed_ips::text[] as allowed_ips, created_by, created_at, revoked_at, "
          + "totp_confirmed_at is not null as has_totp, totp_pending_ciphertext is not null as has_pending_totp";

  private final JdbcClient jdbc;

  public ApiClientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the mode has no client at all, asked under a lock only one transaction holds at a time. */
  public boolean noClientOfModeLocked(Mode mode) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('kadi-iam-bootstrap'))").query().singleRow();
    return !jdbc.sql("select exists (select 1 from iam.api_clients where mode = ?)").param(mode.wireName())
        .query(Boolean.class).single();
  }

  public boolean programExists(UUID id) {
    return jdbc.sql("select exists (select 1 from iam.programs where id = ?)").param(id).query(Boolean.class).single();
  }

  public void insertProgram(UUID id, String name, Instant at) {
    jdbc.sql("insert into iam.programs (id, name, created_at) values (?, ?, ?) on conflict (id) do nothing")
        .params(id, name, Timestamp.from(at)).update();
  }

  public void insertClient(ApiClient client) {
    jdbc.sql("""
            insert into iam.api_clients (id, program_id, name, mode, roles, scopes, allowed_ips, created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?::cidr[], ?, ?)""")
        .params(client.id(), client.programId(), client.name(), client.mode().wireName(),
            client.roles().toArray(String[]::new), client.scopes().toArray(String[]::new),
            client.allowedIps().toArray(String[]::new), client.createdBy(), Timestamp.from(client.createdAt()))
        .update();
  }

  public void insertKey(UUID clientId, String keyId, SecretCipher.Sealed secret, Instant at) {
    jdbc.sql("""
            insert into iam.api_keys (id, client_id, secret_key_version, secret_ciphertext, created_at)
            values (?, ?, ?, ?, ?)""")
        .params(keyId, clientId, secret.keyVersion(), secret.ciphertext(), Timestamp.from(at))
        .update();
  }

  /** The client, locked for a change, if the mode's (and, when given, the program's) client with this id exists. */
  public Optional<ApiClient> findForUpdate(UUID id, Mode mode, UUID program) {
    return select(id, mode, program, " for update");
  }

  public Optional<ApiClient> find(UUID id, Mode mode, UUID program) {
    return select(id, mode, program, "");
  }

  private Optional<ApiClient> select(UUID id, Mode mode, UUID program, String lock) {
    return jdbc.sql("select " + CLIENT_COLUMNS + " from iam.api_clients where id = ? and mode = ?"
            + " and (cast(? as uuid) is null or program_id = cast(? as uuid))" + lock)
        .params(id, mode.wireName(), program, program)
        .query((row, number) -> client(row, List.of()))
        .optional()
        .map(client -> withKeys(List.of(client)).getFirst());
  }

  /** The mode's clients, newest first, of the program when given. */
  public List<ApiClient> list(Mode mode, UUID program, int limit) {
    return withKeys(jdbc.sql("select " + CLIENT_COLUMNS + " from iam.api_clients where mode = ?"
            + " and (cast(? as uuid) is null or program_id = cast(? as uuid)) order by created_at desc, id limit ?")
        .params(mode.wireName(), program, program, limit)
        .query((row, number) -> client(row, List.of()))
        .list());
  }

  /** Gives the client's keys that are live and expire later (or never) the expiry; returns their ids. */
  public List<String> expireKeys(UUID clientId, Instant expiresAt) {
    return jdbc.sql("""
            update iam.api_keys set expires_at = ?
             where client_id = ? and revoked_at is null and (expires_at is null or expires_at > ?)
            returning id""")
        .params(Timestamp.from(expiresAt), clientId, Timestamp.from(expiresAt))
        .query(String.class)
        .list();
  }

  /** Revokes the client and every key of it; returns the keys' ids. */
  public List<String> revoke(UUID clientId, Instant at) {
    jdbc.sql("update iam.api_clients set revoked_at = ? where id = ? and revoked_at is null")
        .params(Timestamp.from(at), clientId).update();
    return jdbc.sql("update iam.api_keys set revoked_at = coalesce(revoked_at, ?) where client_id = ? returning id")
        .params(Timestamp.from(at), clientId)
        .query(String.class)
        .list();
  }

  /** A new TOTP seed for the client, pending until a code from it is checked; a confirmed one stays in force meanwhile. */
  public void enrolTotp(UUID clientId, SecretCipher.Sealed seed) {
    jdbc.sql("update iam.api_clients set totp_pending_key_version = ?, totp_pending_ciphertext = ? where id = ?")
        .params(seed.keyVersion(), seed.ciphertext(), clientId).update();
  }

  /** The client's pending TOTP seed, if it has one. */
  public Optional<SecretCipher.Sealed> pendingTotpSeed(UUID clientId) {
    return jdbc.sql("""
            select totp_pending_key_version, totp_pending_ciphertext from iam.api_clients
             where id = ? and totp_pending_ciphertext is not null""")
        .param(clientId)
        .query((row, number) -> new SecretCipher.Sealed(row.getInt("totp_pending_key_version"),
            row.getBytes("totp_pending_ciphertext")))
        .optional();
  }

  /** The pending seed becomes the client's seed, replacing the one it had. */
  public void confirmTotp(UUID clientId, Instant at) {
    jdbc.sql("""
            update iam.api_clients
               set totp_key_version = totp_pending_key_version, totp_ciphertext = totp_pending_ciphertext,
                   totp_confirmed_at = ?, totp_pending_key_version = null, totp_pending_ciphertext = null
             where id = ? and totp_pending_ciphertext is not null""")
        .params(Timestamp.from(at), clientId).update();
  }

  /** The ids of the client's keys: a change to the client reaches every one of them. */
  public List<String> keyIds(UUID clientId) {
    return jdbc.sql("select id from iam.api_keys where client_id = ?").param(clientId).query(String.class).list();
  }

  /** Records when keys were last used; a later use is never overwritten by an earlier one arriving late. */
  public void recordUse(Map<String, Instant> lastUses) {
    lastUses.forEach((keyId, at) -> jdbc.sql("""
            update iam.api_keys set last_used_at = ?
             where id = ? and (last_used_at is null or last_used_at < ?)""")
        .params(Timestamp.from(at), keyId, Timestamp.from(at))
        .update());
  }

  private List<ApiClient> withKeys(List<ApiClient> clients) {
    if (clients.isEmpty()) {
      return clients;
    }
    Map<UUID, List<ApiClient.Key>> keys = jdbc.sql("""
            select client_id, id, created_at, expires_at, revoked_at, last_used_at from iam.api_keys
             where client_id = any(?) order by created_at, id""")
        .param(clients.stream().map(ApiClient::id).toArray(UUID[]::new))
        .query((row, number) -> Map.entry(row.getObject("client_id", UUID.class), new ApiClient.Key(row.getString("id"),
            instant(row.getTimestamp("created_at")), instant(row.getTimestamp("expires_at")),
            instant(row.getTimestamp("revoked_at")), instant(row.getTimestamp("last_used_at")))))
        .list().stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return clients.stream().map(client -> new ApiClient(client.id(), client.programId(), client.name(), client.mode(),
        client.roles(), client.scopes(), client.allowedIps(), client.createdBy(), client.createdAt(), client.revokedAt(),
        client.totp(), keys.getOrDefault(client.id(), List.of()))).toList();
  }

  private static ApiClient client(ResultSet row, List<ApiClient.Key> keys) throws SQLException {
    return new ApiClient(row.getObject("id", UUID.class), row.getObject("program_id", UUID.class), row.getString("name"),
        Mode.fromWireName(row.getString("mode")), strings(row.getArray("roles")),
        Set.copyOf(strings(row.getArray("scopes"))), strings(row.getArray("allowed_ips")), row.getString("created_by"),
        instant(row.getTimestamp("created_at")), instant(row.getTimestamp("revoked_at")),
        row.getBoolean("has_totp") ? ApiClient.Totp.CONFIRMED
            : row.getBoolean("has_pending_totp") ? ApiClient.Totp.PENDING : ApiClient.Totp.NONE, keys);
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
