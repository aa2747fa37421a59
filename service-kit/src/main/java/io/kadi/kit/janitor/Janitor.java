package io.kadi.kit.janitor;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes rows past their retention every interval, in batches of {@value #BATCH} so that no purge holds long locks
 * on a table the hot path writes. A failed purge is logged and tried again at the next interval.
 */
public abstract class Janitor implements SmartLifecycle {

  public static final int BATCH = 10_000;

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String name;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  /**
   * @param name what is purged, for the thread's name and the log: "inbox ids", "authorization history"
   */
  protected Janitor(String name, Duration interval) {
    this.name = name;
    this.interval = interval;
  }

  /** Deletes at most {@code max} rows past their retention; returns how many it deleted. */
  protected abstract int deleteBatch(int max);

  /** Deletes every row past its retention; returns how many. */
  public int purge() {
    int deleted = 0;
    int batch;
    do {
      batch = deleteBatch(BATCH);
      deleted += batch;
    } while (batch == BATCH);
    return deleted;
  }

  @Override
  public void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("kadi-janitor-" + name.replace(' ', '-')).daemon().factory());
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        int deleted = purge();
        if (deleted > 0) {
          log.info("Purged {} {} past their retention", deleted, name);
        }
      } catch (RuntimeException e) {
        log.warn("Purging {} failed; it runs again in {}", name, interval, e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
