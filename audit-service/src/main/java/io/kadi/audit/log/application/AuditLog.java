package io.kadi.audit.log.application;

import io.kadi.audit.log.application.AppendOutcome.AlreadyInLog;
import io.kadi.audit.log.application.AppendOutcome.Appended;
import io.kadi.audit.log.application.AppendOutcome.EventIdReused;
import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.ChainEntry;
import io.kadi.audit.log.domain.ChainHead;
import io.kadi.audit.log.domain.ChainVerifier;
import io.kadi.audit.log.domain.LoggedEvent;
import io.kadi.audit.log.domain.StoredEntry;
import io.kadi.audit.log.domain.Verification;
import io.kadi.audit.log.persistence.AuditLogRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The audit log: records appended once each, in one hash chain, and the chain verified end to end. */
@Service
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final AuditLogRepository repository;
  private final AuditRecordPublisher publisher;
  private final Clock clock;

  AuditLog(AuditLogRepository repository, AuditRecordPublisher publisher, Clock clock) {
    this.repository = repository;
    this.publisher = publisher;
    this.clock = clock;
  }

  /**
   * Appends the record to the chain and publishes its audit record, in one transaction. A record already in the log
   * (redelivered, or published twice by an at-least-once relay) is not appended again, and neither is another record
   * with the event id of one in the log.
   */
  @Transactional
  public AppendOutcome append(AuditedRecord record) {
    return appendAll(List.of(record)).getFirst();
  }

  /**
   * Appends the records in their order, in one transaction: the chain's head is locked once, and the entries are
   * inserted, and their audit records published, together. A record already in the log, or earlier in the list, is
   * not appended again. The first record that reuses the event id of another ends the list: its outcome is the last,
   * the records before it are appended, and those after it are left to the caller.
   *
   * @return one outcome per record, in order, up to the first {@link EventIdReused} if there is one
   */
  @Transactional
  public List<AppendOutcome> appendAll(List<AuditedRecord> records) {
    ChainHead head = repository.lockHead(ChainHead.KADI);
    // Checked under the head's lock, so no other append can slip in between the check and the insert.
    Map<UUID, LoggedEvent> logged = new HashMap<>(repository.logged(records.stream().map(AuditedRecord::eventId).toList()));
    List<AppendOutcome> outcomes = new ArrayList<>(records.size());
    List<ChainEntry> entries = new ArrayList<>(records.size());
    Instant now = clock.instant();
    for (AuditedRecord record : records) {
      LoggedEvent inLog = logged.get(record.eventId());
      if (inLog != null && !inLog.isSameRecordAs(record)) {
        outcomes.add(new EventIdReused(inLog));
        break;
      }
      if (inLog != null) {
        log.debug("Event {} ({}) is already in the audit log", record.eventId(), record.eventType());
        outcomes.add(new AlreadyInLog(inLog.sequence()));
        continue;
      }
      ChainEntry entry = ChainEntry.following(head, record, now);
      entries.add(entry);
      head = entry.asHead();
      logged.put(record.eventId(), new LoggedEvent(entry.sequence(), record.eventType(), record.payload()));
      outcomes.add(new Appended(entry));
    }
    repository.append(entries);
    entries.forEach(publisher::publish);
    return outcomes;
  }

  /**
   * Verifies the chain from its first entry to its head. Repeatable read gives the head and the entries one snapshot,
   * so appends committing meanwhile are seen entirely or not at all.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Verification verify() {
    // A missing head claims that nothing was recorded, which the entries then contradict, if there are any.
    ChainHead head = repository.head(ChainHead.KADI).orElseGet(() -> ChainHead.genesis(ChainHead.KADI));
    try (Stream<StoredEntry> chain = repository.inSequenceOrder(ChainHead.KADI)) {
      return ChainVerifier.verify(chain.iterator(), head);
    }
  }
}
