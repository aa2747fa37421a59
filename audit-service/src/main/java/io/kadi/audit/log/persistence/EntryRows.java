package io.kadi.audit.log.persistence;

import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.ChainEntry;
import io.kadi.audit.log.domain.Hash;
import io.kadi.audit.log.domain.SourcePosition;
import io.kadi.audit.log.domain.StoredEntry;
import io.kadi.audit.log.domain.UnreadableEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads rows of {@code audit_log} back as entries, strictly: a column that holds what audit-service never writes is
 * not read leniently into something that might still match the row's hash, and a row with such a column is read as
 * an {@link UnreadableEntry}, for verification to report. A failure of the database itself still fails the read.
 */
final class EntryRows {

  private static final Logger log = LoggerFactory.getLogger(EntryRows.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EntryRows() {}

  static StoredEntry read(ResultSet row, int rowNumber) throws SQLException {
    // The primary key, so never null: every row, readable or not, has a sequence to report.
    long sequence = row.getLong("sequence");
    try {
      return entry(sequence, row);
    } catch (UnreadableColumnException e) {
      log.warn("Entry {} of the audit log cannot be read: {}", sequence, e.getMessage());
      return new UnreadableEntry(sequence, e.getMessage());
    }
  }

  /**
   * The subject ids column ({@code {"cardId": "..."}}) as a map. Nothing else is one: not another JSON value, and
   * not an object with a value other than a string, not even a number, which a lenient reader would turn into the
   * same text.
   */
  static SortedMap<String, String> subjectIds(String json) throws UnreadableColumnException {
    JsonNode ids;
    try {
      ids = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new UnreadableColumnException("subject_ids is not JSON");
    }
    if (!ids.isObject()) {
      throw new UnreadableColumnException("subject_ids is not a JSON object");
    }
    SortedMap<String, String> read = new TreeMap<>();
    for (Map.Entry<String, JsonNode> id : ids.properties()) {
      if (!id.getValue().isString()) {
        throw new UnreadableColumnException("subject_ids." + id.getKey() + " is not a string");
      }
      read.put(id.getKey(), id.getValue().stringValue());
    }
    return read;
  }

  private static ChainEntry entry(long sequence, ResultSet row) throws SQLException, UnreadableColumnException {
    AuditedRecord record = new AuditedRecord(
        required(row, "event_id", (r, column) -> r.getObject(column, UUID.class)),
        required(row, "event_type", ResultSet::getString),
        new SourcePosition(
            required(row, "source_topic", ResultSet::getString),
            required(row, "source_partition", (r, column) -> r.getObject(column, Integer.class)),
            required(row, "source_offset", (r, column) -> r.getObject(column, Long.class))),
        instant(row, "occurred_at"),
        required(row, "mode", ResultSet::getString),
        required(row, "actor_client_id", ResultSet::getString),
        required(row, "request_id", ResultSet::getString),
        subjectIds(required(row, "subject_ids", ResultSet::getString)),
        required(row, "payload", ResultSet::getString));
    return new ChainEntry(sequence, required(row, "chain_id", ResultSet::getString), record, instant(row, "recorded_at"),
        new Hash(required(row, "previous_hash", ResultSet::getBytes)), new Hash(required(row, "hash", ResultSet::getBytes)));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException, UnreadableColumnException {
    return required(row, column, (r, name) -> r.getObject(name, OffsetDateTime.class)).toInstant();
  }

  /** The column's value; every column of an entry has one, and JDBC would read a null int as 0. */
  private static <T> T required(ResultSet row, String column, Column<T> reader) throws SQLException, UnreadableColumnException {
    T value = reader.read(row, column);
    if (value == null) {
      throw new UnreadableColumnException(column + " is null");
    }
    return value;
  }

  @FunctionalInterface
  private interface Column<T> {
    T read(ResultSet row, String column) throws SQLException;
  }

  /** A column holds what no entry has. Checked, and never leaves this class but as an {@link UnreadableEntry}. */
  static final class UnreadableColumnException extends Exception {

    UnreadableColumnException(String message) {
      super(message);
    }
  }
}
