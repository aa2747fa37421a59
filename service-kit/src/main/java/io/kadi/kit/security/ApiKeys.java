package io.kadi.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kadi.kit.context.Mode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads API keys from the {@code iam} schema (card-service owns it; every service reads it), decrypting secrets as
 * they are loaded. Keys, and key ids that name nothing, are cached for {@code key-cache-ttl} (default 5 s): a
 * revocation takes effect on the instance that made it at once ({@link #forget}), and on every other instance within
 * that time.
 */
public final class ApiKeys {

  private static final int MAX_CACHED = 100_000;

  private final JdbcClient jdbc;
  private final SecretCipher cipher;
  private final Cache<String, Optional<ApiKey>> cache;

  public ApiKeys(JdbcClient jdbc, SecretCipher cipher, Duration cacheTtl) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.cache = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(MAX_CACHED).build();
  }

  public Optional<ApiKey> find(String keyId) {
    return cache.get(keyId, this::load);
  }

  /** Drops a key from this instance's cache, so that a change made here counts at once. */
  public void forget(String keyId) {
    cache.invalidate(keyId);
  }

  private Optional<ApiKey> load(String keyId) {
    return jdbc.sql("""
            select k.id, k.client_id, c.program_id, c.mode, c.scopes, c.allowed_ips::text[] as allowed_ips,
                   k.secret_key_version, k.secret_ciphertext, k.expires_at, coalesce(k.revoked_at, c.revoked_at) as revoked_at,
                   c.totp_key_version, c.totp_ciphertext, c.totp_confirmed_at
              from iam.api_keys k join iam.api_clients c on c.id = k.client_id
             where k.id = ?""")
        .param(keyId)
        .query((row, number) -> key(row))
        .optional();
  }

  private ApiKey key(ResultSet row) throws SQLException {
    String id = row.getString("id");
    return new ApiKey(id, row.getObject("client_id", UUID.class), row.getObject("program_id", UUID.class),
        Mode.fromWireName(row.getString("mode")), Set.copyOf(strings(row.getArray("scopes"))),
        strings(row.getArray("allowed_ips")).stream().map(Cidr::parse).toList(),
        cipher.open(id, row.getInt("secret_key_version"), row.getBytes("secret_ciphertext")),
        instant(row.getTimestamp("expires_at")), instant(row.getTimestamp("revoked_at")),
        row.getBytes("totp_ciphertext") == null ? null : new ApiKey.Totp(row.getInt("totp_key_version"),
            row.getBytes("totp_ciphertext"), row.getTimestamp("totp_confirmed_at") != null));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
