package io.kadi.card.authorization.application;

import io.kadi.card.authorization.domain.Authorization;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.kit.context.Ids;
import io.kadi.kit.context.RequestContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The front door of the hot path. It registers the answer before the request commits (results can come back within
 * milliseconds of the commit), then lets the answer complete on the decision's signal or, at the budget, with the
 * stand-in decision. No thread waits meanwhile.
 *
 * <p>It also sweeps, on every instance, for pending authorizations whose waiting instance went away, so that no hold
 * outlives its budget by more than a sweep.
 */
@Component
public class Authorizer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Authorizer.class);
  private static final int SWEEP_BATCH = 100;

  private final AuthorizationService authorizations;
  private final PendingAuthorizations pending;
  private final AuthorizationProperties properties;
  private final Clock clock;
  private final MeterRegistry meters;
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private ScheduledExecutorService timers;

  Authorizer(AuthorizationService authorizations, PendingAuthorizations pending, AuthorizationProperties properties,
      Clock clock, MeterRegistry meters) {
    this.authorizations = authorizations;
    this.pending = pending;
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
  }

  /** The decision, as a future; refused at once when the request itself is wrong. */
  public Outcome<CompletableFuture<Authorization>> authorize(NewAuthorization request, RequestContext context) {
    if (pending.size() >= properties.maxPending()) {
      return Outcome.refused(RefusalCode.OVERLOADED, "This card-service instance is waiting on " + properties.maxPending()
          + " authorizations already; nothing was held for this one. Retry, or let the network stand in.");
    }
    UUID id = Ids.newId();
    long started = System.nanoTime();
    CompletableFuture<Authorization> answer = pending.register(id);
    answer.thenAccept(decided -> measure(decided, System.nanoTime() - started));
    try {
      return switch (authorizations.request(id, request, context)) {
        case Outcome.Done<Authorization>(Authorization requested) -> {
          pending.answer(requested);
          if (!answer.isDone()) {
            // The budget runs from the request's arrival, so the time the request took to commit counts against it.
            long left = properties.budget().toNanos() - (System.nanoTime() - started);
            timers.schedule(() -> work.execute(() -> timeOut(id)), Math.max(0, left), TimeUnit.NANOSECONDS);
          }
          yield Outcome.done(answer);
        }
        case Outcome.Refused<Authorization> refused -> {
          answer.cancel(false);
          yield new Outcome.Refused<>(refused.refusal());
        }
      };
    } catch (RuntimeException e) {
      answer.completeExceptionally(e);
      throw e;
    }
  }

  /** kadi_authorizations_seconds: time to answer, by outcome, decline reason and stand-in, with a histogram. */
  private void measure(Authorization decided, long nanos) {
    Timer.builder("kadi.authorizations")
        .description("Time from an authorization request to its answer")
        .tag("approved", Boolean.toString(decided.declineReason() == null))
        .tag("decline_reason", decided.declineReason() == null ? "none" : decided.declineReason().code())
        .tag("stand_in", Boolean.toString(decided.standIn()))
        .publishPercentileHistogram()
        .register(meters)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private void timeOut(UUID id) {
    if (!pending.isWaitingFor(id)) {
      return;
    }
    try {
      authorizations.expire(id).ifPresent(pending::answer);
    } catch (RuntimeException e) {
      log.warn("Could not give authorization {} its stand-in decision; the sweep will: {}", id, e.toString());
      pending.fail(id, e);
    }
  }

  private void sweep() {
    try {
      List<UUID> overdue = authorizations.pendingSince(
          clock.instant().minus(properties.budget()).minus(properties.sweepInterval()), SWEEP_BATCH);
      for (UUID id : overdue) {
        authorizations.expire(id);
      }
      if (!overdue.isEmpty()) {
        log.info("Gave {} overdue authorizations the stand-in decision (their instance went away, or is far behind)",
            overdue.size());
      }
    } catch (RuntimeException e) {
      log.warn("Sweeping overdue authorizations failed; retrying at the next sweep: {}", e.toString());
    }
  }

  @Override
  public void start() {
    timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("authorization-budget").daemon().factory());
    long sweep = properties.sweepInterval().toMillis();
    timers.scheduleWithFixedDelay(() -> work.execute(this::sweep), sweep, sweep, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    timers.shutdownNow();
    timers = null;
  }

  @Override
  public boolean isRunning() {
    return timers != null;
  }
}
