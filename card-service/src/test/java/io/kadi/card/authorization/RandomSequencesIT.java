package io.kadi.card.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.card.authorization.application.AuthorizationService;
import io.kadi.card.authorization.application.NewAuthorization;
import io.kadi.card.controls.domain.Channel;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random sequences of fundings, authorizations, results (some delivered twice, as Kafka may), timeouts, captures and
 * reversals against the real service, database and broker. After every step: funded = available + held + captured,
 * and the card holds exactly what its authorizations hold. Every transaction keeps this, so it is checked while
 * redeliveries may still be in flight. The seed is in the failure message. (limits-service's property test covers
 * its reservations, and BalancesAddUpPropertyTest the same arithmetic over many more sequences.)
 */
@CardServiceTest
class RandomSequencesIT {

  static final int STEPS = 40;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AuthorizationService service;

  @RepeatedTest(3)
  void balancesAddUpAtEveryStep() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    CardApi api = new CardApi(port);
    UUID cardId = api.activeCard("NGN");
    List<AuthorizationRequested> requests = new ArrayList<>();
    List<SpecificRecord> delivered = new ArrayList<>();
    try (TopicProbe authorizations = TopicProbe.fromEnd(Topics.AUTHORIZATIONS.name()); TestProducer producer = new TestProducer()) {
      for (int step = 0; step < STEPS; step++) {
        String did;
        switch (random.nextInt(8)) {
          case 0 -> {
            long amount = 1 + random.nextInt(50_000);
            assertThat(api.fund(cardId, amount, "NGN", "f-" + step).status()).isEqualTo(201);
            did = "fund " + amount;
          }
          case 1, 2 -> {
            UUID id = UUID.randomUUID();
            long amount = 1 + random.nextInt(30_000);
            service.request(id, new NewAuthorization(cardId, amount, "NGN", "Shop", "5411", "NG", null, Channel.POS),
                new RequestContext("seq-" + seed, "processor", Mode.SANDBOX, null));
            requests.add(authorizations.await(AuthorizationRequested.class, r -> r.getAuthorizationId().equals(id)));
            did = "request " + amount;
          }
          case 3, 4 -> {
            AuthorizationRequested request = pick(requests, random);
            if (request == null) {
              continue;
            }
            SpecificRecord result = random.nextBoolean()
                ? Results.limitsEvaluated(request, random.nextInt(4) == 0 ? new String[] {"spending_limit"} : new String[0])
                : Results.riskAssessed(request, 10, random.nextInt(5) == 0 ? RiskAction.block : RiskAction.allow);
            deliver(producer, result);
            awaitConsumed(result);
            delivered.add(result);
            did = "result " + result.getSchema().getName() + " for " + request.getAuthorizationId();
          }
          case 5 -> {
            SpecificRecord again = delivered.isEmpty() ? null : delivered.get(random.nextInt(delivered.size()));
            if (again == null) {
              continue;
            }
            // A redelivery leaves no trace to wait for; the balances must add up whenever it is consumed.
            deliver(producer, again);
            did = "redelivery of " + again.getSchema().getName();
          }
          case 6 -> {
            AuthorizationRequested request = pick(requests, random);
            if (request == null) {
              continue;
            }
            service.expire(request.getAuthorizationId());
            did = "timeout of " + request.getAuthorizationId();
          }
          default -> {
            AuthorizationRequested request = pick(requests, random);
            if (request == null) {
              continue;
            }
            int status = random.nextBoolean()
                ? api.capture(request.getAuthorizationId(), 1 + random.nextInt((int) request.getAmount())).status()
                : api.reverse(request.getAuthorizationId()).status();
            assertThat(status).isIn(200, 409);
            did = "capture or reversal of " + request.getAuthorizationId();
          }
        }
        assertBalancesAddUp(cardId, "seed " + seed + ", step " + step + ": " + did);
      }
    }
  }

  private static void deliver(TestProducer producer, SpecificRecord result) {
    switch (result) {
      case LimitsEvaluated limits -> producer.publish(Topics.LIMIT_DECISIONS.name(), limits.getCardId().toString(), limits);
      case RiskAssessed risk -> producer.publish(Topics.RISK_ASSESSMENTS.name(), risk.getCardId().toString(), risk);
      default -> throw new IllegalArgumentException(result.getSchema().getFullName());
    }
  }

  private void awaitConsumed(SpecificRecord result) {
    String eventId = RecordMetadata.of(result).getEventId().toString();
    Awaitility.await().untilAsserted(() -> assertThat(jdbc.sql(
        "select count(*) from inbox where handler = 'authorization-results' and message_id = ?").param(eventId)
        .query(Long.class).single()).isOne());
  }

  private void assertBalancesAddUp(UUID cardId, String after) {
    long funded = jdbc.sql("select coalesce(sum(amount), 0) from fundings where card_id = ?").param(cardId).query(Long.class).single();
    long[] card = jdbc.sql("select available, held from cards where id = ?").param(cardId)
        .query((row, n) -> new long[] {row.getLong(1), row.getLong(2)}).single();
    long[] authorizations = jdbc.sql("select coalesce(sum(held), 0), coalesce(sum(captured), 0) from authorizations where card_id = ?")
        .param(cardId).query((row, n) -> new long[] {row.getLong(1), row.getLong(2)}).single();
    assertThat(card[0]).as(after).isNotNegative();
    assertThat(card[1]).as(after).isEqualTo(authorizations[0]);
    assertThat(card[0] + card[1] + authorizations[1]).as(after).isEqualTo(funded);
  }

  private static AuthorizationRequested pick(List<AuthorizationRequested> requests, Random random) {
    return requests.isEmpty() ? null : requests.get(random.nextInt(requests.size()));
  }
}
