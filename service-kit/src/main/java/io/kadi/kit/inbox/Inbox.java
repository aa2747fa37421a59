package io.kadi.kit.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a message's effects at most once per handler. The message id is recorded in the same transaction as the
 * effects: if they fail, neither commits and the redelivery tries again; once they commit, every redelivery is
 * skipped. Two deliveries racing (a rebalance) serialize on the inbox row, and the second finds it taken.
 */
public final class Inbox {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public Inbox(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * In one transaction: records the message as processed by the handler and, the first time only, runs the effects.
   *
   * @return true when the effects ran; false for a message the handler had already processed
   */
  public boolean processOnce(String handler, String messageId, Runnable effects) {
    return Boolean.TRUE.equals(transactions.execute(status -> {
      if (!firstDelivery(handler, messageId)) {
        return false;
      }
      effects.run();
      return true;
    }));
  }

  private boolean firstDelivery(String handler, String messageId) {
    return jdbc.sql("insert into inbox (handler, message_id) values (?, ?) on conflict do nothing")
        .params(handler, messageId)
        .update() == 1;
  }
}
