package io.kadi.kit.security;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nonces of accepted requests, in the service's schema, shared by all its instances. A nonce is kept for twice the
 * allowed skew after its request's timestamp; after that the timestamp check refuses a replay by itself.
 */
public final class Nonces {

  private final JdbcClient jdbc;

  public Nonces(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the nonce; false when the key already used it (a replay). Committed at once, whatever follows. */
  public boolean firstUse(String keyId, String nonce, Instant keepUntil) {
    return jdbc.sql("insert into api_nonces (key_id, nonce, expires_at) values (?, ?, ?) on conflict do nothing")
        .params(keyId, nonce, Timestamp.from(keepUntil))
        .update() == 1;
  }

  /** Deletes the nonces whose requests can no longer pass the timestamp check. */
  public static final class Janitor extends io.kadi.kit.janitor.Janitor {

    private final JdbcClient jdbc;

    public Janitor(JdbcClient jdbc, Duration interval) {
      super("api nonces", interval);
      this.jdbc = jdbc;
    }

    @Override
    protected int deleteBatch(int max) {
      return jdbc.sql("delete from api_nonces where ctid in (select ctid from api_nonces where expires_at < now() limit ?)")
          .param(max)
          .update();
    }
  }
}
