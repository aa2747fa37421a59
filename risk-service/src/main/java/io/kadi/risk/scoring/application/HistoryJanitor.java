package io.kadi.risk.scoring.application;

import io.kadi.risk.scoring.persistence.AuthorizationHistory;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes authorizations older than {@code kadi.risk.history-retention} from the cards' history, in small batches so
 * that no purge holds long locks on the hot path's table.
 */
@Component
class HistoryJanitor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HistoryJanitor.class);
  private static final int BATCH = 10_000;

  private final AuthorizationHistory history;
  private final RiskProperties properties;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  HistoryJanitor(AuthorizationHistory history, RiskProperties properties, Clock clock) {
    this.history = history;
    this.properties = properties;
    this.clock = clock;
  }

  /** Deletes every authorization that occurred longer than the retention ago; returns how many. */
  int purge() {
    var cutoff = clock.instant().minus(properties.historyRetention());
    int deleted = 0;
    int batch;
    do {
      batch = history.forgetBefore(cutoff, BATCH);
      deleted += batch;
    } while (batch == BATCH);
    return deleted;
  }

  @Override
  public void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kadi-risk-history-janitor").daemon().factory());
    long interval = properties.historyPurgeInterval().toMillis();
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        int deleted = purge();
        if (deleted > 0) {
          log.info("Forgot {} authorizations older than {}", deleted, properties.historyRetention());
        }
      } catch (RuntimeException e) {
        log.warn("Authorization history purge failed; it runs again in {}", properties.historyPurgeInterval(), e);
      }
    }, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    scheduler.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null && !scheduler.isShutdown();
  }
}
