package io.kadi.kit.idempotency;

import io.kadi.kit.context.Ids;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotency keys in use, per caller, in the service's {@code idempotency_keys} table.
 *
 * <p>A request claims its key with {@code insert ... on conflict do nothing}, committed at once: a second request with
 * the key finds the committed row and is answered at once from what it says, never waiting for the first request to
 * end (at most for another claim's own statement of a few milliseconds to commit). Each step commits in a transaction
 * of its own, whatever transaction the caller may be in.
 *
 * <p>Every change after the claim names the claim's id: a request whose claim went stale and was taken over (see
 * {@link #claim}) can neither complete nor release the key of the request that took it over.
 */
public final class IdempotencyKeyStore {

  /**
   * A claim retries when the row it conflicted with is gone before it is read (released, or purged), or when another
   * request took a stale claim over first. Both are rare and brief; a claim still contended after this many attempts
   * is answered as in progress, which the caller retries.
   */
  private static final int MAX_ATTEMPTS = 3;

  private static final String INSERT = """
      insert into idempotency_keys (caller, idempotency_key, request_method, request_path, body_sha256, claim_id)
      values (?, ?, ?, ?, ?, ?) on conflict do nothing""";
  private static final String READ = """
      select request_method, request_path, body_sha256, claim_id, completed_at is not null as completed,
             locked_at < now() - make_interval(secs => ?) as stale,
             response_status, response_content_type, response_location, response_body
      from idempotency_keys where caller = ? and idempotency_key = ?""";
  private static final String TAKE_OVER = """
      update idempotency_keys set claim_id = ?, locked_at = now()
      where caller = ? and idempotency_key = ? and claim_id = ? and completed_at is null""";
  private static final String COMPLETE = """
      update idempotency_keys
      set completed_at = now(), response_status = ?, response_content_type = ?, response_location = ?, response_body = ?
      where caller = ? and idempotency_key = ? and claim_id = ? and completed_at is null""";
  private static final String RELEASE = """
      delete from idempotency_keys where caller = ? and idempotency_key = ? and claim_id = ? and completed_at is null""";

  private final JdbcOperations jdbc;
  private final TransactionTemplate ownTransaction;
  private final double lockTimeoutSeconds;

  public IdempotencyKeyStore(JdbcOperations jdbc, TransactionTemplate transactions, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    // The claim must be committed before the request runs, so it never joins a transaction the caller may have open.
    this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager(), transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.lockTimeoutSeconds = properties.lockTimeout().toMillis() / 1000.0;
  }

  /**
   * Claims the caller's key for the request. The key is granted when it was never used (or its use was released),
   * and when it is held by a request with the same fingerprint that has not completed within the lock timeout: its
   * instance is presumed crashed, and the claim is taken over.
   */
  public Claim claim(String caller, String key, RequestFingerprint fingerprint) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Claim claim = ownTransaction.execute(status -> tryClaim(caller, key, fingerprint));
      if (claim != null) {
        return claim;
      }
    }
    return new Claim.InProgress();
  }

  /**
   * Completes the claim with the response its request had, to be replayed from now on.
   *
   * @return false when the claim is no longer this one's: it went stale and another request took it over
   */
  public boolean complete(String caller, String key, UUID claimId, StoredResponse response) {
    return inOwnTransaction(COMPLETE, response.status(), response.contentType(), response.location(), response.body(),
        caller, key, claimId) == 1;
  }

  /**
   * Gives the key up, so that the next request with it runs: the request had no outcome worth replaying.
   *
   * @return false when the claim is no longer this one's: it went stale and another request took it over
   */
  public boolean release(String caller, String key, UUID claimId) {
    return inOwnTransaction(RELEASE, caller, key, claimId) == 1;
  }

  /** The claim, or null when it should be tried again. */
  private Claim tryClaim(String caller, String key, RequestFingerprint fingerprint) {
    UUID claimId = Ids.newId();
    if (jdbc.update(INSERT, caller, key, fingerprint.method(), fingerprint.path(), fingerprint.bodySha256(), claimId) == 1) {
      return new Claim.Granted(claimId);
    }
    List<Claim> found = jdbc.query(READ, (row, n) -> {
      RequestFingerprint first = new RequestFingerprint(row.getString("request_method"), row.getString("request_path"),
          row.getString("body_sha256"));
      if (!first.equals(fingerprint)) {
        return new Claim.Reused();
      }
      if (row.getBoolean("completed")) {
        return new Claim.Completed(new StoredResponse(row.getInt("response_status"), row.getString("response_content_type"),
            row.getString("response_location"), row.getBytes("response_body")));
      }
      if (row.getBoolean("stale") && takeOver(caller, key, row.getObject("claim_id", UUID.class), claimId)) {
        return new Claim.Granted(claimId);
      }
      return row.getBoolean("stale") ? null : new Claim.InProgress();
    }, lockTimeoutSeconds, caller, key);
    return found.isEmpty() ? null : found.getFirst();
  }

  private boolean takeOver(String caller, String key, UUID staleClaimId, UUID claimId) {
    return jdbc.update(TAKE_OVER, claimId, caller, key, staleClaimId) == 1;
  }

  private int inOwnTransaction(String sql, Object... arguments) {
    Integer updated = ownTransaction.execute(status -> jdbc.update(sql, arguments));
    return updated == null ? 0 : updated;
  }
}
