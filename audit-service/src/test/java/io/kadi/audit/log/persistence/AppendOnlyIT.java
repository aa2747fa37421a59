package io.kadi.audit.log.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.audit.log.application.AuditLog;
import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.testing.AuditLogTable;
import io.kadi.audit.testing.AuditServiceTest;
import io.kadi.audit.testing.SampleRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The database refuses, even to its superuser (as the tests connect), to change the log other than by appending. */
@AuditServiceTest
class AppendOnlyIT {

  @Autowired AuditLog auditLog;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  AuditLogTable log;
  AuditedRecord entry;

  @BeforeEach
  void anEntry() {
    log = new AuditLogTable(jdbc);
    entry = SampleRecords.audited();
    auditLog.append(entry);
  }

  @Test
  void refusesToUpdateAnEntry() {
    assertRefused("UPDATE", "update audit_log set payload = '{}' where event_id = ?", entry.eventId());
    assertThat(log.awaitRow(entry.eventId()).payload()).isEqualTo(entry.payload());
  }

  @Test
  void refusesToDeleteAnEntry() {
    assertRefused("DELETE", "delete from audit_log where event_id = ?", entry.eventId());
    assertThat(log.rowsOf(entry.eventId())).isEqualTo(1);
  }

  @Test
  void refusesToTruncateTheLog() {
    long rows = log.rows();

    assertRefused("TRUNCATE", "truncate audit_log");
    assertThat(log.rows()).isEqualTo(rows);
  }

  private void assertRefused(String operation, String sql, Object... params) {
    // Rolled back whatever happens, so that a failing test does not destroy the log the other tests share.
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
      status.setRollbackOnly();
      jdbc.sql(sql).params(params).update();
    }))
        .rootCause()
        .hasMessageContaining("audit_log is append-only: " + operation + " is refused");
  }
}
