package io.kadi.audit.log.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.audit.log.application.AppendOutcome.AlreadyInLog;
import io.kadi.audit.log.application.AppendOutcome.Appended;
import io.kadi.audit.log.application.AppendOutcome.EventIdReused;
import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.LoggedEvent;
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
      List<Callable<AppendOutcome>> appends = records.stream().<Callable<AppendOutcome>>map(r -> () -> auditLog.append(r)).toList();
      for (Future<AppendOutcome> append : appenders.invokeAll(appends)) {
        assertThat(append.get()).isInstanceOf(Appended.class);
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

    AppendOutcome redelivered = auditLog.append(record);

    assertThat(redelivered).isEqualTo(new AlreadyInLog(log.awaitRow(record.eventId()).sequence()));
    assertThat(log.rowsOf(record.eventId())).isEqualTo(1);
    assertThat(log.headSequence()).isEqualTo(head);
  }

  @Test
  void anotherRecordWithTheEventIdOfOneInTheLogIsNotAppended() {
    AuditedRecord first = SampleRecords.audited();
    AuditedRecord reusingItsId = new AuditedRecord(first.eventId(), first.eventType(), first.source(), first.occurredAt(),
        first.mode(), first.actorClientId(), first.requestId(), first.subjectIds(), first.payload().replace("reported lost", "stolen"));
    auditLog.append(first);
    long sequence = log.awaitRow(first.eventId()).sequence();
    long head = log.headSequence();

    AppendOutcome reused = auditLog.append(reusingItsId);

    assertThat(reused).isEqualTo(new EventIdReused(new LoggedEvent(sequence, first.eventType(), first.payload())));
    assertThat(log.rowsOf(first.eventId())).isEqualTo(1);
    assertThat(log.awaitRow(first.eventId()).payload()).isEqualTo(first.payload());
    assertThat(log.headSequence()).isEqualTo(head);
  }

  @Test
  void aBatchIsAppendedInOrderSkipsCopiesAndStopsAtAReusedEventId() {
    AuditedRecord inLog = SampleRecords.audited();
    auditLog.append(inLog);
    long inLogSequence = log.awaitRow(inLog.eventId()).sequence();
    AuditedRecord first = SampleRecords.audited();
    AuditedRecord second = SampleRecords.audited();
    AuditedRecord reusingFirstsId = new AuditedRecord(first.eventId(), first.eventType(), first.source(), first.occurredAt(),
        first.mode(), first.actorClientId(), first.requestId(), first.subjectIds(), first.payload().replace("reported lost", "stolen"));
    AuditedRecord afterTheReuse = SampleRecords.audited();
    long head = log.headSequence();

    List<AppendOutcome> outcomes = auditLog.appendAll(List.of(first, inLog, second, first, reusingFirstsId, afterTheReuse));

    assertThat(outcomes).hasSize(5);
    assertThat(outcomes.get(0)).isInstanceOfSatisfying(Appended.class, a -> assertThat(a.entry().sequence()).isEqualTo(head + 1));
    assertThat(outcomes.get(1)).isEqualTo(new AlreadyInLog(inLogSequence));
    assertThat(outcomes.get(2)).isInstanceOfSatisfying(Appended.class, a -> assertThat(a.entry().sequence()).isEqualTo(head + 2));
    assertThat(outcomes.get(3)).isEqualTo(new AlreadyInLog(head + 1));
    assertThat(outcomes.get(4)).isEqualTo(new EventIdReused(new LoggedEvent(head + 1, first.eventType(), first.payload())));
    assertThat(log.awaitRow(second.eventId()).sequence()).isEqualTo(head + 2);
    assertThat(log.rowsOf(afterTheReuse.eventId())).isZero();
    assertThat(log.headSequence()).isEqualTo(head + 2);
    assertThat(auditLog.verify()).isInstanceOf(Verification.Intact.class);
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
