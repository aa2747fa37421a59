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
import java.util.Optional;
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
    ChainHead head = repository.lockHead(ChainHead.KADI);
    // Checked under the head's lock, so no other append can slip in between the check and the insert.
    Optional<LoggedEvent> logged = repository.logged(record.eventId());
    if (logged.isPresent()) {
      if (!logged.get().isSameRecordAs(record)) {
        return new EventIdReused(logged.get());
      }
      log.debug("Event {} ({}) is already in the audit log", record.eventId(), record.eventType());
      return new AlreadyInLog(logged.get().sequence());
    }
    ChainEntry entry = ChainEntry.following(head, record, clock.instant());
    repository.append(entry);
    publisher.publish(entry);
    return new Appended(entry);
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
