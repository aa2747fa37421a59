package io.kadi.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox backlog, read from the tables at each scrape: {@code kadi.outbox.pending} (records waiting),
 * {@code kadi.outbox.oldest.age} (seconds the oldest has waited) and {@code kadi.outbox.parked} (records Kafka refused
 * for good). The first two stay near zero while Kafka is reachable; the third should stay at zero.
 */
public final class OutboxMetrics implements MeterBinder {

  private final JdbcClient jdbc;

  public OutboxMetrics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("kadi.outbox.pending", this, metrics -> metrics.query("select count(*) from outbox"))
        .description("Records committed to the outbox and not yet acknowledged by Kafka")
        .register(registry);
    Gauge.builder("kadi.outbox.oldest.age", this,
            metrics -> metrics.query("select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox"))
        .description("Seconds the oldest unpublished outbox record has waited")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("kadi.outbox.parked", this, metrics -> metrics.query("select count(*) from outbox_parked"))
        .description("Records Kafka refused for good, parked for an operator's decision")
        .register(registry);
  }

  private double query(String sql) {
    return jdbc.sql(sql).query(Double.class).single();
  }
}
