package io.kadi.localstack.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.card.CardApi;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestDatabase;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.localstack.Services;
import io.kadi.schemas.topics.Topics;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With risk-service stopped, the processor gets the stand-in decline within the budget plus 100 ms; the hold is
 * released at once, and limits-service's reservation when the decision reaches it. When risk-service comes back, its
 * late answer is consumed and changes nothing.
 */
class StandInIT {

  static final Duration BUDGET = Duration.ofMillis(1500);
  static final JdbcClient database = JdbcClient.create(TestDatabase.get().dataSource());

  @Test
  void withRiskServiceStoppedTheAnswerIsTheStandInDeclineAndNothingStaysHeldOrReserved() {
    try (Services services = Services.withoutRisk()) {
      CardApi api = new CardApi(services.cardPort());
      UUID cardId = api.fundedCard("NGN", 100_000);

      long started = System.nanoTime();
      Http.Response answer = api.authorize(cardId, 40_000, "NGN");
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(took).isBetween(BUDGET, BUDGET.plusMillis(100));
      assertThat(answer.json().path("approved").asBoolean()).isFalse();
      assertThat(answer.text("decline_reason")).isEqualTo("timeout");
      assertThat(answer.json().path("stand_in").asBoolean()).isTrue();
      assertThat(api.balance(cardId)).containsExactly(100_000, 0);
      UUID id = UUID.fromString(answer.text("id"));
      await().untilAsserted(() -> assertThat(database.sql(
          "select status from limits.reservations where authorization_id = ?").param(id).query(String.class).single())
          .isEqualTo("released"));

      RiskAssessed late;
      try (TopicProbe assessments = TopicProbe.fromBeginning(Topics.RISK_ASSESSMENTS.name())) {
        services.startRisk();
        late = assessments.await(RiskAssessed.class, r -> r.getAuthorizationId().equals(id));
      }
      await().untilAsserted(() -> assertThat(database.sql(
          "select count(*) from card.inbox where handler = 'authorization-results' and message_id = ?")
          .param(late.getMetadata().getEventId().toString()).query(Long.class).single()).isOne());
      Http.Response later = api.http().get("/v1/authorizations/" + id);
      assertThat(later.text("status")).isEqualTo("declined");
      assertThat(later.text("decline_reason")).isEqualTo("timeout");
      assertThat(api.balance(cardId)).containsExactly(100_000, 0);
    }
  }
}
