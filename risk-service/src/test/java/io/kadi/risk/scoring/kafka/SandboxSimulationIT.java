package io.kadi.risk.scoring.kafka;

import static io.kadi.risk.testing.RiskOutputs.alert;
import static io.kadi.risk.testing.RiskOutputs.alertsWithoutIds;
import static io.kadi.risk.testing.RiskOutputs.assessed;
import static io.kadi.risk.testing.RiskOutputs.freeze;
import static io.kadi.risk.testing.RiskOutputs.freezesWithoutMetadata;
import static io.kadi.risk.testing.RiskOutputs.rule;
import static io.kadi.risk.testing.RiskOutputs.withoutMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.alert.v1.AlertSeverity;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.common.v1.Metadata;
import io.kadi.events.common.v1.Mode;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.kit.testing.TestProducer;
import io.kadi.risk.testing.RiskOutputs;
import io.kadi.risk.testing.RiskServiceTest;
import io.kadi.risk.testing.TestCard;
import io.kadi.schemas.topics.Topics;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox's simulated risk outcomes on real records: 40053 is blocked with score 100 (alerted, and frozen, as auto-
 * freeze is on in these tests), 40054 is recorded and never answered; in live both are scored as any amount.
 * See docs/api.md#sandbox-failure-simulation.
 */
@RiskServiceTest
class SandboxSimulationIT {

  /** 13:00 in Lagos: no rule fires on a first purchase at a supermarket at home. */
  private static final Instant MIDDAY = Instant.parse("2026-03-10T12:00:00Z");

  @Autowired JdbcClient jdbc;

  @Test
  void inSandboxTheBlockAmountScores100AndIsBlockedAlertedAndFrozen() {
    TestCard card = TestCard.nigerian();
    AuthorizationRequested blocked = card.request(40_053, MIDDAY);
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      publish(producer, card, blocked);

      assertThat(withoutMetadata(outputs.assessments(card, 1))).containsExactly(assessed(blocked, 100, RiskAction.block,
          rule("sandbox_simulated_block", 100, "Sandbox simulation of a risk block: NGN 400.53 asked", "amount", "40053")));
      assertThat(alertsWithoutIds(outputs.alerts(card, 1))).containsExactly(
          alert(blocked, "risk_block", AlertSeverity.critical, 100, "blocked", "sandbox_simulated_block"));
      assertThat(freezesWithoutMetadata(outputs.freezes(card, 1))).containsExactly(freeze(blocked, 100, "sandbox_simulated_block"));
    }
  }

  @Test
  void inSandboxTheNoAnswerAmountIsRecordedAndNeverAnswered() {
    TestCard card = TestCard.nigerian();
    AuthorizationRequested unanswered = card.request(40_054, MIDDAY);
    AuthorizationRequested next = card.request(250_000, MIDDAY.plusSeconds(60));
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      publish(producer, card, unanswered, next);

      // Same card, same partition: once the next one is answered, an answer to the first would be in too.
      assertThat(withoutMetadata(outputs.assessments(card, 1))).containsExactly(assessed(next, 0, RiskAction.allow));
      assertThat(outputs.alerts(card, 0)).isEmpty();
      assertThat(status(unanswered)).isEqualTo("pending");
    }
  }

  @Test
  void inLiveTheSameAmountsAreScoredAsAnyOther() {
    TestCard card = TestCard.nigerian();
    AuthorizationRequested block = live(card.request(40_053, MIDDAY));
    AuthorizationRequested noAnswer = live(card.request(40_054, MIDDAY.plusSeconds(60)));
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      publish(producer, card, block, noAnswer);

      assertThat(withoutMetadata(outputs.assessments(card, 2)))
          .containsExactly(assessed(block, 0, RiskAction.allow), assessed(noAnswer, 0, RiskAction.allow));
      assertThat(outputs.assessments(card, 2)).allSatisfy(assessed -> assertThat(assessed.getMetadata().getMode()).isEqualTo(Mode.live));
      assertThat(outputs.alerts(card, 0)).isEmpty();
    }
  }

  private static AuthorizationRequested live(AuthorizationRequested request) {
    return AuthorizationRequested.newBuilder(request)
        .setMetadata(Metadata.newBuilder(request.getMetadata()).setMode(Mode.live).build())
        .build();
  }

  private String status(AuthorizationRequested request) {
    return jdbc.sql("select status from authorization_history where authorization_id = ?").param(request.getAuthorizationId())
        .query(String.class).single();
  }

  private static void publish(TestProducer producer, TestCard card, SpecificRecord... records) {
    for (SpecificRecord record : records) {
      producer.publish(Topics.AUTHORIZATIONS.name(), card.key(), record);
    }
  }
}
