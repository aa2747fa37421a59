package io.kadi.audit.log.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.Verification;
import io.kadi.audit.testing.AuditLogTable;
import io.kadi.audit.testing.AuditServiceTest;
import io.kadi.audit.testing.SampleRecords;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AuditServiceTest
class AppendingIT {

  @Autowired AuditLog auditLog;
  @Autowired JdbcClient jdbc;
  AuditLogTable log;

  @BeforeEach
  void table() {
    log = new AuditLogTable(jdbc);
  }

  @Test
  void concurrentAppendsTakeConsecutiveSequencesAndKeepTheChainIntact() throws Exception {
    List<AuditedRecord> records = IntStream.range(0, 40).mapToObj(i -> SampleRecords.audited()).toList();
    try (ExecutorService appenders = Executors.newFixedThreadPool(8)) {
      List<Callable<Object>> appends = records.stream().map(r -> Executors.callable(() -> auditLog.append(r))).toList();
      for (Future<Object> append : appenders.invokeAll(appends)) {
        append.get();
      }
    }

    List<Long> sequences = records.stream().map(r -> log.awaitRow(r.eventId()).sequence()).sorted().toList();
    assertThat(sequences).isEqualTo(LongStream.range(sequences.getFirst(), sequences.getFirst() + records.size()).boxed().toList());
    assertThat(auditLog.verify()).isInstanceOf(Verification.Intact.class);
  }

  @Test
  void aRedeliveredRecordIsNotAppendedAgain() {
    AuditedRecord record = SampleRecords.audited();
    auditLog.append(record);
    long head = log.headSequence();

    auditLog.append(record);

    assertThat(log.rowsOf(record.eventId())).isEqualTo(1);
    assertThat(log.headSequence()).isEqualTo(head);
  }

  @Test
  void anAppendThatFailsLeavesNoEntryAndNoGap() {
    // No audit record can be stamped with a mode Kadi does not have, so the append fails after its insert.
    AuditedRecord failing = SampleRecords.audited("staging");
    AuditedRecord next = SampleRecords.audited();
    long head = log.headSequence();

    assertThatThrownBy(() -> auditLog.append(failing)).isInstanceOf(IllegalArgumentException.class);
    auditLog.append(next);

    assertThat(log.rowsOf(failing.eventId())).isZero();
    assertThat(log.awaitRow(next.eventId()).sequence()).isEqualTo(head + 1);
  }
}
