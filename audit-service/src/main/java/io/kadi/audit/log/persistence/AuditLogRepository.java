package io.kadi.audit.log.persistence;

import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.ChainEntry;
import io.kadi.audit.log.domain.ChainHead;
import io.kadi.audit.log.domain.Hash;
import io.kadi.audit.log.domain.LoggedEvent;
import io.kadi.audit.log.domain.StoredEntry;
import io.kadi.audit.log.domain.UnreadableEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads and appends entries of {@code audit_log}, and reads and moves each chain's {@code chain_head}. */
@Repository
public class AuditLogRepository {

  /** Rows read per round trip while streaming the log: memory stays flat however long the log grows. */
  private static final int FETCH_SIZE = 1_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  AuditLogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The chain's head, locked until the transaction ends: appenders of every instance queue here, one at a time. */
  public ChainHead lockHead(String chainId) {
    return jdbc.sql("select chain_id, last_sequence, last_hash from chain_head where chain_id = ? for update")
        .param(chainId)
        .query(AuditLogRepository::head)
        .single();
  }

  public Optional<ChainHead> head(String chainId) {
    return jdbc.sql("select chain_id, last_sequence, last_hash from chain_head where chain_id = ?")
        .param(chainId)
        .query(AuditLogRepository::head)
        .optional();
  }

  /** The entry that holds the event id, if one does (an event id is in the log once). */
  public Optional<LoggedEvent> logged(UUID eventId) {
    return jdbc.sql("select sequence, event_type, payload from audit_log where event_id = ?")
        .param(eventId)
        .query((row, rowNumber) -> new LoggedEvent(row.getLong("sequence"), row.getString("event_type"), row.getString("payload")))
        .optional();
  }

  /** Inserts the entry and makes it its chain's head. Call it holding the head's lock ({@link #lockHead}). */
  public void append(ChainEntry entry) {
    AuditedRecord record = entry.record();
    jdbc.sql("""
            insert into audit_log (sequence, chain_id, event_id, event_type, source_topic, source_partition, source_offset,
                occurred_at, mode, actor_client_id, request_id, subject_ids, payload, previous_hash, hash, recorded_at)
            values (:sequence, :chainId, :eventId, :eventType, :sourceTopic, :sourcePartition, :sourceOffset,
                :occurredAt, :mode, :actorClientId, :requestId, cast(:subjectIds as jsonb), :payload, :previousHash, :hash,
                :recordedAt)""")
        .param("sequence", entry.sequence())
        .param("chainId", entry.chainId())
        .param("eventId", record.eventId())
        .param("eventType", record.eventType())
        .param("sourceTopic", record.source().topic())
        .param("sourcePartition", record.source().partition())
        .param("sourceOffset", record.source().offset())
        .param("occurredAt", utc(record.occurredAt()))
        .param("mode", record.mode())
        .param("actorClientId", record.actorClientId())
        .param("requestId", record.requestId())
        .param("subjectIds", JSON.writeValueAsString(record.subjectIds()))
        .param("payload", record.payload())
        .param("previousHash", entry.previousHash().bytes())
        .param("hash", entry.hash().bytes())
        .param("recordedAt", utc(entry.recordedAt()))
        .update();
    int moved = jdbc.sql("update chain_head set last_sequence = ?, last_hash = ? where chain_id = ?")
        .params(entry.sequence(), entry.hash().bytes(), entry.chainId())
        .update();
    if (moved != 1) {
      throw new IllegalStateException("No head for chain " + entry.chainId());
    }
  }

  /**
   * The chain's rows in sequence order, each as an entry, or as an {@link UnreadableEntry} when its columns no longer
   * make one. Fetched in batches as the stream is consumed. PostgreSQL only fetches in batches inside a transaction,
   * so consume it in one, and close it.
   */
  public Stream<StoredEntry> inSequenceOrder(String chainId) {
    // A row whose chain id was nulled is still read, as unreadable: left out, it would only show as a gap.
    return jdbc.sql("select * from audit_log where chain_id = ? or chain_id is null order by sequence")
        .withFetchSize(FETCH_SIZE)
        .param(chainId)
        .query(EntryRows::read)
        .stream();
  }

  private static ChainHead head(ResultSet row, int rowNumber) throws SQLException {
    return new ChainHead(row.getString("chain_id"), row.getLong("last_sequence"), new Hash(row.getBytes("last_hash")));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
