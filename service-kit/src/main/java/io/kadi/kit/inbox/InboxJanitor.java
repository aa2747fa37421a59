package io.kadi.kit.inbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deletes inbox rows older than the retention, in small batches so that no purge holds long locks. */
public final class InboxJanitor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboxJanitor.class);
  private static final int BATCH = 10_000;

  private final JdbcClient jdbc;
  private final InboxProperties properties;
  private ScheduledExecutorService scheduler;

  public InboxJanitor(JdbcClient jdbc, InboxProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Deletes every processed id older than the retention; returns how many. */
  public int purge() {
    int deleted = 0;
    int batch;
    do {
      batch = jdbc.sql("""
              delete from inbox where ctid in (
                select ctid from inbox where processed_at < now() - make_interval(secs => ?) limit ?)""")
          .params(properties.retention().toSeconds(), BATCH)
          .update();
      deleted += batch;
    } while (batch == BATCH);
    return deleted;
  }

  @Override
  public void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kadi-inbox-janitor").daemon().factory());
    long interval = properties.purgeInterval().toMillis();
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        int deleted = purge();
        if (deleted > 0) {
          log.info("Forgot {} inbox ids processed more than {} ago", deleted, properties.retention());
        }
      } catch (RuntimeException e) {
        log.warn("Inbox purge failed; it runs again in {}", properties.purgeInterval(), e);
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
