package io.kadi.risk.scoring.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.risk.scoring.domain.Attempt;
import io.kadi.risk.scoring.domain.Channel;
import io.kadi.risk.scoring.persistence.AuthorizationHistory;
import io.kadi.risk.testing.RiskServiceTest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@RiskServiceTest
class HistoryJanitorIT {

  @Autowired HistoryJanitor janitor;
  @Autowired AuthorizationHistory history;
  @Autowired RiskProperties properties;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;

  @Test
  void forgetsAuthorizationsOlderThanTheRetentionAndKeepsTheRest() {
    UUID card = UUID.randomUUID();
    Duration retention = properties.historyRetention();
    Attempt tooOld = attempt(card, retention.plusDays(1));
    Attempt kept = attempt(card, retention.minusDays(1));
    history.record(tooOld, false);
    history.record(kept, false);

    assertThat(janitor.purge()).isGreaterThanOrEqualTo(1);

    assertThat(jdbc.sql("select authorization_id from authorization_history where card_id = ?").param(card).query(UUID.class).list())
        .containsExactly(kept.authorizationId());
  }

  private Attempt attempt(UUID card, Duration age) {
    return new Attempt(UUID.randomUUID(), card, UUID.randomUUID(), 1_000, "NGN", "5411", "GH", Channel.POS, clock.instant().minus(age),
        "NG", ZoneId.of("Africa/Lagos"), Optional.empty());
  }
}
