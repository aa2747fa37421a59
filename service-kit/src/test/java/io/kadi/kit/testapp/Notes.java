package io.kadi.kit.testapp;

import io.kadi.events.card.v1.CardFrozen;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.outbox.Outbox;
import io.kadi.schemas.topics.Topics;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A state change (a note row) and the record reporting it (a CardFrozen whose reason is the note), in one transaction. */
@Service
public class Notes {

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final RecordMetadata metadata;

  Notes(JdbcClient jdbc, Outbox outbox, RecordMetadata metadata) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.metadata = metadata;
  }

  @Transactional
  public void write(UUID key, String text, RequestContext context) {
    jdbc.sql("insert into notes (id, key, text) values (?, ?, ?)").params(UUID.randomUUID(), key, text).update();
    outbox.append(Topics.CARD_EVENTS, key.toString(), CardFrozen.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setCardId(key)
        .setReason(text)
        .build());
  }

  /**
   * Writes the key's next note, numbered 0, 1, 2 ... under a lock on the key, as every aggregate is changed under its
   * row's lock: the numbers are the order in which the writes commit.
   */
  @Transactional
  public void writeNext(UUID key, RequestContext context) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(key.toString()).query().singleRow();
    write(key, String.valueOf(count(key)), context);
  }

  /** Writes, then fails before the commit: neither the note nor its record may survive. */
  @Transactional
  public void writeThenFail(UUID key, String text, RequestContext context) {
    write(key, text, context);
    throw new IllegalStateException("fails after the write");
  }

  public int count(UUID key) {
    return jdbc.sql("select count(*) from notes where key = ?").param(key).query(Integer.class).single();
  }
}
