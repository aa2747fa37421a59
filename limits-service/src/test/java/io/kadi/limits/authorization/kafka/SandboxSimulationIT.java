package io.kadi.limits.authorization.kafka;

import static io.kadi.limits.authorization.kafka.LimitDecisionsProbe.expected;
import static io.kadi.limits.authorization.kafka.LimitDecisionsProbe.violation;
import static io.kadi.limits.testing.AuthorizationEvents.metadataAt;
import static io.kadi.limits.testing.AuthorizationEvents.requested;
import static io.kadi.limits.testing.AuthorizationEvents.spendingLimit;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.card.v1.LimitInterval;
import io.kadi.events.common.v1.Metadata;
import io.kadi.events.common.v1.Mode;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.limits.testing.LimitsServiceTest;
import io.kadi.limits.testing.ReservationsTable;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox's simulated spending limit (40052 minor units) on real records: a {@code spending_limit} decline
 * without any control, that reserves nothing; and the same amount in live, evaluated as any other.
 * See docs/api.md#sandbox-failure-simulation.
 */
@LimitsServiceTest
class SandboxSimulationIT {

  /** 10:00 on Saturday 1 March 2025 in Lagos. */
  private static final Instant MORNING = Instant.parse("2025-03-01T09:00:00Z");

  @Autowired JdbcClient jdbc;
  ReservationsTable reservations;
  LimitDecisionsProbe limits;
  final UUID card = UUID.randomUUID();
  final UUID cardholder = UUID.randomUUID();

  @BeforeEach
  void open() {
    reservations = new ReservationsTable(jdbc);
    limits = new LimitDecisionsProbe();
  }

  @AfterEach
  void close() {
    limits.close();
  }

  private AuthorizationRequested.Builder asking(long amount) {
    return requested(card, cardholder, amount, "NGN").setMetadata(metadataAt(MORNING));
  }

  @Test
  void inSandboxTheSimulatedAmountIsDeclinedForASpendingLimitWithoutControlsAndReservesNothing() {
    AuthorizationRequested simulated = asking(40_052).build();
    // A daily limit the simulated amount would leave no room in, had it been reserved.
    AuthorizationRequested next = asking(1000_00).setCardControls(spendingLimit(1000_00, "NGN", LimitInterval.daily)).build();

    LimitsEvaluated declined = limits.evaluate(simulated);
    LimitsEvaluated approved = limits.evaluate(next);

    assertThat(declined).isEqualTo(expected(simulated, declined,
        violation("spending_limit", "card", "Sandbox simulation of a spending limit exceeded: NGN 400.52 asked")));
    assertThat(reservations.row(simulated.getAuthorizationId())).contains(new ReservationsTable.Row(
        simulated.getAuthorizationId(), card, cardholder, 40_052, "NGN", "5411", MORNING, "declined"));
    assertThat(approved).isEqualTo(expected(next, approved));
    assertThat(reservations.row(next.getAuthorizationId())).map(ReservationsTable.Row::status).contains("reserved");
  }

  @Test
  void inLiveTheSameAmountIsEvaluatedAndReservedAsAnyOther() {
    AuthorizationRequested live = asking(40_052)
        .setMetadata(Metadata.newBuilder(metadataAt(MORNING)).setMode(Mode.live).build())
        .build();

    LimitsEvaluated approved = limits.evaluate(live);

    assertThat(approved).isEqualTo(expected(live, approved));
    assertThat(approved.getMetadata().getMode()).isEqualTo(Mode.live);
    assertThat(reservations.row(live.getAuthorizationId())).contains(new ReservationsTable.Row(
        live.getAuthorizationId(), card, cardholder, 40_052, "NGN", "5411", MORNING, "reserved"));
  }
}
