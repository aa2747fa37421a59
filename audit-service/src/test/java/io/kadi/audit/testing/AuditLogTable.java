package io.kadi.audit.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the log's rows as SQL sees them, hashes in hex. */
public final class AuditLogTable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final JdbcClient jdbc;

  public AuditLogTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The row of an audited record. */
  public record Row(long sequence, UUID eventId, String eventType, String sourceTopic, int sourcePartition,
      long sourceOffset, Instant occurredAt, Map<String, String> subjectIds, String payload, String previousHash,
      String hash, Instant recordedAt) {}

  public Optional<Row> row(UUID eventId) {
    return jdbc.sql("""
            select sequence, event_id, event_type, source_topic, source_partition, source_offset, occurred_at,
                subject_ids::text, payload, encode(previous_hash, 'hex'), encode(hash, 'hex'), recorded_at
            from audit_log where event_id = ?""")
        .param(eventId)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getLong(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
            JSON.readValue(rs.getString(8), new TypeReference<Map<String, String>>() {}), rs.getString(9), rs.getString(10),
            rs.getString(11), rs.getObject(12, OffsetDateTime.class).toInstant()))
        .optional();
  }

  /** Waits for the record to be audited. */
  public Row awaitRow(UUID eventId) {
    return await().atMost(TIMEOUT).until(() -> row(eventId), Optional::isPresent).orElseThrow();
  }

  public int rowsOf(UUID eventId) {
    return jdbc.sql("select count(*) from audit_log where event_id = ?").param(eventId).query(Integer.class).single();
  }

  public long rows() {
    return jdbc.sql("select count(*) from audit_log").query(Long.class).single();
  }

  /** The rows up to and including the sequence. */
  public long rowsUpTo(long sequence) {
    return jdbc.sql("select count(*) from audit_log where sequence <= ?").param(sequence).query(Long.class).single();
  }

  public long headSequence() {
    return jdbc.sql("select last_sequence from chain_head where chain_id = 'kadi'").query(Long.class).single();
  }

  public String hashAt(long sequence) {
    return jdbc.sql("select encode(hash, 'hex') from audit_log where sequence = ?").param(sequence).query(String.class).single();
  }
}
