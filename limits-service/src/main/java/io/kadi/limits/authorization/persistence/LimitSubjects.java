package io.kadi.limits.authorization.persistence;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serializes check-and-reserve per card and per cardholder, whichever consumer, thread or instance evaluates: each
 * evaluation locks the card's row, then the cardholder's, before it sums and reserves, and holds both until it commits.
 * Kafka's partitioning alone cannot do it, as a cardholder's cards are on different partitions.
 */
@Repository
public class LimitSubjects {

  /** Enough for the busy cards and cardholders of an instance; forgetting one only costs one more insert. */
  private static final int KNOWN_LIMIT = 100_000;

  private final JdbcClient jdbc;
  /** Subjects whose rows are committed: rows are never deleted, so they need no insert on the hot path. */
  private final Set<UUID> known = ConcurrentHashMap.newKeySet();

  LimitSubjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the card and its cardholder until the transaction ends, creating their rows the first time.
   *
   * <p>Deadlock-free: rows are created before anything is locked, and locked in one order, card first, by everyone.
   * The lock is its own statement: a query in the same statement would read a snapshot taken before the lock was
   * granted, and miss what the previous holder reserved.
   */
  public void lock(UUID cardId, UUID cardholderId) {
    if (!known.contains(cardId) || !known.contains(cardholderId)) {
      jdbc.sql("insert into limit_subjects (subject_id, kind) values (?, 'card'), (?, 'cardholder') on conflict do nothing")
          .params(cardId, cardholderId)
          .update();
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          remember(cardId, cardholderId);
        }
      });
    }
    int locked = jdbc.sql("""
            select subject_id from limit_subjects where subject_id in (?, ?)
            order by subject_id <> ? -- the card (false) first
            for update""")
        .params(cardId, cardholderId, cardId)
        .query(UUID.class)
        .list()
        .size();
    if (locked != 2) {
      // Rows deleted by hand: forget them, so that the retry of this record creates them again.
      known.remove(cardId);
      known.remove(cardholderId);
      throw new IllegalStateException("Locked " + locked + " of card " + cardId + " and cardholder " + cardholderId);
    }
  }

  private void remember(UUID cardId, UUID cardholderId) {
    if (known.size() >= KNOWN_LIMIT) {
      known.clear();
    }
    known.add(cardId);
    known.add(cardholderId);
  }
}
