package io.kadi.risk.scoring.application;

import io.kadi.kit.janitor.Janitor;
import io.kadi.risk.scoring.persistence.AuthorizationHistory;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Deletes authorizations older than {@code kadi.risk.history-retention} from the cards' history. */
@Component
class HistoryJanitor extends Janitor {

  private final AuthorizationHistory history;
  private final RiskProperties properties;
  private final Clock clock;

  HistoryJanitor(AuthorizationHistory history, RiskProperties properties, Clock clock) {
    super("authorization history", properties.historyPurgeInterval());
    this.history = history;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected int deleteBatch(int max) {
    return history.forgetBefore(clock.instant().minus(properties.historyRetention()), max);
  }
}
