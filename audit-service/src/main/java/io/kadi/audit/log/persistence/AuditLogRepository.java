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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
  private final NamedParameterJdbcOperations batch;

  AuditLogRepository(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
    this.jdbc = jdbc;
    this.batch = batch;
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

  /** The entries that hold these event ids, by event id (an event id is in the log once). */
  public Map<UUID, LoggedEvent> logged(Collection<UUID> eventIds) {
    Map<UUID, LoggedEvent> logged = new HashMap<>();
    jdbc.sql("select event_id, sequence, event_type, payload from audit_log where event_id = any(?)")
        .param(eventIds.toArray(UUID[]::new))
        .query(row -> {
          logged.put(row.getObject("event_id", UUID.class),
              new LoggedEvent(row.getLong("sequence"), row.getString("event_type"), row.getString("payload")));
        });
    return logged;
  }

  /**
   * Inserts the entries, which follow one another from the chain's head, in one batch, and makes the last one its
   * chain's head. Call it holding the head's lock ({@link #lockHead}).
   */
  public void append(List<ChainEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    batch.batchUpdate("""
            insert into audit_log (sequence, chain_id, event_id, event_type, source_topic, source_partition, source_offset,
                occurred_at, mode, actor_client_id, request_id, subject_ids, payload, previous_hash, hash, recorded_at)
            values (:sequence, :chainId, :eventId, :eventType, :sourceTopic, :sourcePartition, :sourceOffset,
                :occurredAt, :mode, :actorClientId, :requestId, cast(:subjectIds as jsonb), :payload, :previousHash, :hash,
                :recordedAt)""", entries.stream().map(AuditLogRepository::row).toArray(SqlParameterSource[]::new));
    ChainEntry last = entries.getLast();
    int moved = jdbc.sql("update chain_head set last_sequence = ?, last_hash = ? where chain_id = ?")
        .params(last.sequence(), last.hash().bytes(), last.chainId())
        .update();
    if (moved != 1) {
      throw new IllegalStateException("No head for chain " + last.chainId());
    }
  }

  private static SqlParameterSource row(ChainEntry entry) {
    AuditedRecord record = entry.record();
    return new MapSqlParameterSource()
        .addValue("sequence", entry.sequence())
        .addValue("chainId", entry.chainId())
        .addValue("eventId", record.eventId())
        .addValue("eventType", record.eventType())
        .addValue("sourceTopic", record.source().topic())
        .addValue("sourcePartition", record.source().partition())
        .addValue("sourceOffset", record.source().offset())
        .addValue("occurredAt", utc(record.occurredAt()))
        .addValue("mode", record.mode())
        .addValue("actorClientId", record.actorClientId())
        .addValue("requestId", record.requestId())
        .addValue("subjectIds", JSON.writeValueAsString(record.subjectIds()))
        .addValue("payload", record.payload())
        .addValue("previousHash", entry.previousHash().bytes())
        .addValue("hash", entry.hash().bytes())
        .addValue("recordedAt", utc(entry.recordedAt()));
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
