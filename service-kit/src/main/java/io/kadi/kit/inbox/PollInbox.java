package io.kadi.kit.inbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a batch listener's poll through the {@link Inbox} in one transaction (or a few, for a large poll), so that a
 * poll costs one commit (one WAL flush) rather than one per record: under load, the flush, and the locks held while waiting for it, are what limit a
 * consumer thread. Each record still has its effects at most once per handler.
 *
 * <p>The records are handled in the order of their keys (stable, so a key's records keep their order): every Kadi
 * topic is keyed by the aggregate whose row a handler locks first, so the transactions of two consumers take those
 * locks in one order and cannot deadlock on them. A handler that also locks rows shared across keys (limits-service
 * locks a card, then its cardholder, whose other cards may be another consumer's) gives its own lock order.
 *
 * <p>A transaction takes at most {@value #MAX_PER_TRANSACTION} records, in the poll's order: a larger poll (a consumer
 * catching up) is handled in several, so that no transaction holds its rows' locks, which requests on the same cards
 * wait for, while it works through hundreds of records.
 *
 * <p>When a transaction fails, nothing of it commits, and its records are handled again one at a time, each
 * in a transaction of its own, in the order they came: those before the failing record commit, and the failure is
 * thrown as a {@link BatchListenerFailedException} naming it, so that the kit's error handler retries, or in the end
 * dead-letters, that record alone, and delivers those after it again. A record that could not be deserialized is named
 * the same way, after the records before it are handled.
 */
public final class PollInbox {

  private static final Logger log = LoggerFactory.getLogger(PollInbox.class);
  private static final LogAccessor LOG_ACCESSOR = new LogAccessor(PollInbox.class);

  /** Records per transaction: enough to share a commit widely, few enough that their locks are held briefly. */
  static final int MAX_PER_TRANSACTION = 20;

  /** A record's id in the inbox, and its effects. */
  public record Message(String id, Runnable effects) {

    /**
     * A record with no effects at all: there is nothing to do twice, so nothing is remembered either (no inbox row).
     * For topics whose records mostly concern the handler not at all, such as the access log for the security alerts.
     */
    public static final Message NOTHING = new Message("", () -> {});
  }

  private final Inbox inbox;
  private final TransactionTemplate transactions;

  public PollInbox(Inbox inbox, TransactionTemplate transactions) {
    this.inbox = inbox;
    this.transactions = transactions;
  }

  /**
   * Handles the poll in the order of the records' keys.
   *
   * @param message what a record's value comes to; it may throw (a record of a type the handler does not take, say),
   *     which counts as that record failing
   * @throws BatchListenerFailedException naming the first record that fails on its own, or cannot be read
   */
  public <V> void processAll(String handler, List<ConsumerRecord<String, V>> records, Function<V, Message> message) {
    processAll(handler, records, Comparator.comparing(ConsumerRecord::key, Comparator.nullsFirst(Comparator.naturalOrder())),
        message);
  }

  /**
   * Handles the poll in the given order, which the sort keeps stable.
   *
   * @param lockOrder the order in which the transactions of every consumer take their locks; it must compare all the
   *     records of a key alike (by the key, or by what the key determines), so that they keep their order
   * @throws BatchListenerFailedException naming the first record that fails on its own, or cannot be read
   */
  public <V> void processAll(String handler, List<ConsumerRecord<String, V>> records,
      Comparator<? super ConsumerRecord<String, V>> lockOrder, Function<V, Message> message) {
    int readable = 0;
    DeserializationException unreadable = null;
    while (readable < records.size() && (unreadable = unreadable(records.get(readable))) == null) {
      readable++;
    }
    for (int start = 0; start < readable; start += MAX_PER_TRANSACTION) {
      List<ConsumerRecord<String, V>> part = records.subList(start, Math.min(start + MAX_PER_TRANSACTION, readable));
      if (part.size() > 1 && inOneTransaction(handler, part, lockOrder, message)) {
        continue;
      }
      for (int i = 0; i < part.size(); i++) {
        try {
          process(handler, part.get(i), message);
        } catch (RuntimeException failure) {
          throw new BatchListenerFailedException(String.valueOf(failure.getMessage()), failure, start + i);
        }
      }
    }
    if (unreadable != null) {
      throw new BatchListenerFailedException(String.valueOf(unreadable.getMessage()), unreadable, readable);
    }
  }

  private <V> boolean inOneTransaction(String handler, List<ConsumerRecord<String, V>> part,
      Comparator<? super ConsumerRecord<String, V>> lockOrder, Function<V, Message> message) {
    List<ConsumerRecord<String, V>> inLockOrder = new ArrayList<>(part);
    inLockOrder.sort(lockOrder);
    try {
      transactions.executeWithoutResult(status -> inLockOrder.forEach(record -> process(handler, record, message)));
      return true;
    } catch (RuntimeException failure) {
      log.debug("{} records for {} failed in one transaction; handling them one at a time: {}", part.size(),
          handler, failure.toString());
      return false;
    }
  }

  private <V> void process(String handler, ConsumerRecord<String, V> record, Function<V, Message> message) {
    Message handled = message.apply(record.value());
    if (handled != Message.NOTHING) {
      inbox.processOnce(handler, handled.id(), handled.effects());
    }
  }

  private static DeserializationException unreadable(ConsumerRecord<?, ?> record) {
    return SerializationUtils.getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
  }
}
