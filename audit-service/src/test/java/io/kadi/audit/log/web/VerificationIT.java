package io.kadi.audit.log.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kadi.audit.log.application.AuditLog;
import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.testing.AuditLogTable;
import io.kadi.audit.testing.AuditServiceTest;
import io.kadi.audit.testing.SampleRecords;
import io.kadi.kit.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tampers with the log as an attacker with superuser access would (triggers bypassed), and checks what verification
 * finds. Every test restores the log before it ends, so the tests after it see an intact chain.
 */
@AuditServiceTest
class VerificationIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path DOCUMENTATION = Path.of("..", "docs", "audit-log.md");

  @Autowired AuditLog auditLog;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @LocalServerPort int port;
  AuditLogTable log;
  List<Long> appended;

  @BeforeEach
  void threeNewEntries() {
    log = new AuditLogTable(jdbc);
    // Subject ids of every shape the documented queries must encode: none; several, whose values sort otherwise than
    // their keys; values holding a key=value encoding's separators, and text beyond ASCII.
    appended = List.of(
        append(SampleRecords.auditedAbout(Map.of())),
        append(SampleRecords.auditedAbout(Map.of("cardId", "c-1,cardholderId=h-1", "cardholderId", "ß-2", "commandId", "a-3"))),
        append(SampleRecords.audited()));
  }

  @Test
  void anIntactLogReportsItsLengthAndLastEntry() {
    JsonNode verified = verify();

    // Every request to the API is audited too (kadi.api-access.v1), so the log may grow right after the answer: the
    // answer is checked against the log up to the last entry it names.
    long last = verified.path("last_sequence").asLong();
    assertThat(last).isGreaterThanOrEqualTo(appended.getLast());
    assertThat(verified).isEqualTo(json("""
        {"intact": true, "records": %d, "last_sequence": %d, "last_hash": "%s"}""".formatted(log.rowsUpTo(last), last,
        log.hashAt(last))));
  }

  @Test
  void aChangedPayloadIsAHashMismatchAtThatEntry() {
    long changed = appended.get(1);
    try {
      bypassingTriggers("update audit_log set payload = replace(payload, 'reported lost', 'stolen') where sequence = " + changed);

      assertThat(verify()).isEqualTo(broken(changed, changed, "hash_mismatch"));
      assertThat(documentedEntryChecks()).filteredOn(check -> !check.allTrue()).containsExactly(new EntryCheck(changed, false, true, true));
    } finally {
      bypassingTriggers("update audit_log set payload = replace(payload, 'stolen', 'reported lost') where sequence = " + changed);
    }
    assertThat(verify().path("intact").asBoolean()).isTrue();
  }

  @Test
  void aDeletedEntryIsASequenceGapAtItsSequence() {
    long deleted = appended.get(1);
    String setAside = setAside(deleted);
    try {
      assertThat(verify()).isEqualTo(broken(deleted, deleted, "sequence_gap"));
    } finally {
      putBack(setAside);
    }
    assertThat(verify().path("intact").asBoolean()).isTrue();
  }

  @Test
  void entriesDeletedFromTheEndAreAHeadMismatch() {
    long last = appended.get(2);
    String setAside = setAside(last);
    try {
      assertThat(verify()).isEqualTo(broken(last - 1, last, "head_mismatch"));
      assertThat(documentedHeadCheck()).isFalse();
    } finally {
      putBack(setAside);
    }
    assertThat(verify().path("intact").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rowsThatNoLongerReadAsEntries")
  void aRowThatNoLongerReadsAsAnEntryIsAnUnreadableEntryAtItsSequence(String tampering, List<String> tamper,
      List<String> undoToTheTable) {
    long changed = appended.get(1);
    String original = copyOf(changed);
    try {
      bypassingTriggers(tamper.stream().map(statement -> statement.formatted(changed)).toArray(String[]::new));

      assertThat(verify()).isEqualTo(broken(changed, changed, "unreadable_entry"));
    } finally {
      bypassingTriggers("delete from audit_log where sequence = " + changed);
      putBack(original);
      bypassingTriggers(undoToTheTable.toArray(String[]::new));
    }
    assertThat(verify().path("intact").asBoolean()).isTrue();
  }

  static Stream<Arguments> rowsThatNoLongerReadAsEntries() {
    return Stream.of(
        arguments("subject ids that are not an object",
            List.of("update audit_log set subject_ids = '[\"x\"]' where sequence = %d"), List.of()),
        // Read leniently, the number would be the text "7".
        arguments("a subject id that is a number",
            List.of("update audit_log set subject_ids = '{\"cardId\": 7}' where sequence = %d"), List.of()),
        // Read leniently, the null would be partition 0, the partition the entry was read from: its hash would match.
        arguments("a null where every entry has a value", List.of(
            "alter table audit_log alter column source_partition drop not null",
            "update audit_log set source_partition = null where sequence = %d"),
            List.of("alter table audit_log alter column source_partition set not null")));
  }

  @Test
  void theDocumentedEntryQueryRefusesSubjectIdsThatAreNotAnObject() {
    long changed = appended.get(1);
    String original = copyOf(changed);
    try {
      bypassingTriggers("update audit_log set subject_ids = '[\"x\"]' where sequence = " + changed);

      assertThatThrownBy(this::documentedEntryChecks).hasMessageContaining("cannot call jsonb_each_text on a non-object");
    } finally {
      bypassingTriggers("delete from audit_log where sequence = " + changed);
      putBack(original);
    }
    assertThat(documentedEntryChecks()).allMatch(EntryCheck::allTrue);
  }

  @Test
  void theDocumentedQueriesReVerifyTheLogWithoutKadisCode() {
    List<EntryCheck> checks = documentedEntryChecks();

    assertThat(checks).hasSize((int) log.rows()).allMatch(EntryCheck::allTrue);
    assertThat(checks.getLast().sequence()).isEqualTo(log.headSequence());
    assertThat(documentedHeadCheck()).isTrue();
  }

  private long append(AuditedRecord record) {
    auditLog.append(record);
    return log.awaitRow(record.eventId()).sequence();
  }

  private JsonNode verify() {
    Http.Response response = new Http(port).get("/v1/audit/verify");
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode broken(long records, long brokenAt, String reason) {
    return json("""
        {"intact": false, "records": %d, "broken_at": %d, "reason": "%s"}""".formatted(records, brokenAt, reason));
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  /** Runs the statements in one transaction, as a superuser can, with the log's triggers off. */
  private void bypassingTriggers(String... statements) {
    transactions.executeWithoutResult(status -> {
      jdbc.sql("set local session_replication_role = replica").update();
      for (String statement : statements) {
        jdbc.sql(statement).update();
      }
    });
  }

  /** Deletes the entry, keeping a copy in a table of its own; returns that table's name. */
  private String setAside(long sequence) {
    String table = "set_aside_" + UUID.randomUUID().toString().replace("-", "");
    bypassingTriggers(
        "create table " + table + " as select * from audit_log where sequence = " + sequence,
        "delete from audit_log where sequence = " + sequence);
    return table;
  }

  /** Keeps a copy of the entry in a table of its own, to put back with {@link #putBack}; returns that table's name. */
  private String copyOf(long sequence) {
    String table = "copy_" + UUID.randomUUID().toString().replace("-", "");
    bypassingTriggers("create table " + table + " as select * from audit_log where sequence = " + sequence);
    return table;
  }

  private void putBack(String setAside) {
    bypassingTriggers("insert into audit_log select * from " + setAside, "drop table " + setAside);
  }

  private List<EntryCheck> documentedEntryChecks() {
    return jdbc.sql(documentedQueries().get(0))
        .query((rs, n) -> new EntryCheck(rs.getLong("sequence"), rs.getBoolean("hash_ok"), rs.getBoolean("link_ok"),
            rs.getBoolean("in_sequence")))
        .list();
  }

  private boolean documentedHeadCheck() {
    return jdbc.sql(documentedQueries().get(1)).query(Boolean.class).single();
  }

  /** The SQL blocks of docs/audit-log.md, in order: the documentation is only useful if what it says runs. */
  private static List<String> documentedQueries() {
    try {
      return Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOCUMENTATION))
          .results().map(match -> match.group(1)).toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + DOCUMENTATION.toAbsolutePath(), e);
    }
  }

  private record EntryCheck(long sequence, boolean hashOk, boolean linkOk, boolean inSequence) {

    boolean allTrue() {
      return hashOk && linkOk && inSequence;
    }
  }
}
