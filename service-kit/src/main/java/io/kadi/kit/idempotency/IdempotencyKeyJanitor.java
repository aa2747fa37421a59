package io.kadi.kit.idempotency;

import io.kadi.kit.janitor.Janitor;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Deletes idempotency keys first used longer than the retention ago, completed or not: a claim that old was
 * abandoned long past the lock timeout.
 */
public final class IdempotencyKeyJanitor extends Janitor {

  private final JdbcOperations jdbc;
  private final IdempotencyProperties properties;

  public IdempotencyKeyJanitor(JdbcOperations jdbc, IdempotencyProperties properties) {
    super("idempotency keys", properties.purgeInterval());
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  protected int deleteBatch(int max) {
    return jdbc.update("""
            delete from idempotency_keys where ctid in (
              select ctid from idempotency_keys where created_at < now() - make_interval(secs => ?) limit ?)""",
        properties.retention().toSeconds(), max);
  }
}
