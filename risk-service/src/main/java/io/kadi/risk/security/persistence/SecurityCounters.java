package io.kadi.risk.security.persistence;

import io.kadi.risk.security.domain.FixedWindow;
import io.kadi.risk.security.domain.Subject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The security alerts' counters ({@code security_counters}): requests per subject, alert and fixed window. */
@Repository
public class SecurityCounters {

  private final JdbcClient jdbc;

  SecurityCounters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds one to the subject's count for the alert in the window, creating the counter at 1. Concurrent increments of
   * one counter, from any instance, wait on its row and each returns a count of its own: exactly one sees any value.
   *
   * @return the count, this request included
   */
  public long increment(String alertType, Subject subject, FixedWindow window) {
    return jdbc.sql("""
            insert into security_counters (alert_type, subject_type, subject_id, window_start, window_end, count)
            values (:alertType, :subjectType, :subjectId, :windowStart, :windowEnd, 1)
            on conflict (alert_type, subject_type, subject_id, window_start, window_end)
            do update set count = security_counters.count + 1
            returning count""")
        .param("alertType", alertType)
        .param("subjectType", subject.type().label())
        .param("subjectId", subject.id())
        .param("windowStart", timestamp(window.start()))
        .param("windowEnd", timestamp(window.end()))
        .query(Long.class)
        .single();
  }

  /** Deletes, in batches, the counters of windows that ended before the cutoff; returns how many. */
  public int forgetEndedBefore(Instant cutoff, int batch) {
    return jdbc.sql("""
            delete from security_counters where ctid in (
              select ctid from security_counters where window_end < :cutoff limit :batch)""")
        .param("cutoff", timestamp(cutoff))
        .param("batch", batch)
        .update();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
