package io.kadi.risk.security.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.risk.security.domain.FixedWindow;
import io.kadi.risk.security.domain.Subject;
import io.kadi.risk.security.persistence.SecurityCounters;
import io.kadi.risk.testing.RiskServiceTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@RiskServiceTest
class SecurityCounterJanitorIT {

  @Autowired SecurityCounterJanitor janitor;
  @Autowired SecurityCounters counters;
  @Autowired SecurityAlertProperties properties;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;

  @Test
  void forgetsCountersOfWindowsThatEndedLongerThanTheRetentionAgoAndKeepsTheRest() {
    Subject client = Subject.apiClient(UUID.randomUUID().toString());
    Instant cutoff = clock.instant().minus(properties.counterRetention());
    FixedWindow tooOld = FixedWindow.containing(cutoff.minus(Duration.ofMinutes(10)), Duration.ofMinutes(5));
    FixedWindow justKept = FixedWindow.containing(cutoff.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5));
    FixedWindow current = FixedWindow.containing(clock.instant(), Duration.ofMinutes(5));
    counters.increment("repeated_bad_signatures", client, tooOld);
    counters.increment("repeated_bad_signatures", client, justKept);
    counters.increment("repeated_bad_signatures", client, current);

    assertThat(janitor.purge()).isGreaterThanOrEqualTo(1);

    assertThat(jdbc.sql("select window_start from security_counters where subject_id = ? order by window_start")
        .param(client.id()).query(OffsetDateTime.class).stream().map(OffsetDateTime::toInstant))
        .containsExactly(justKept.start(), current.start());
  }
}
