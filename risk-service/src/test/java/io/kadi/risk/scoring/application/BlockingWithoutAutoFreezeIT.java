package io.kadi.risk.scoring.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.events.alert.v1.Alert;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RequestContext;
import io.kadi.risk.scoring.application.AssessmentOutcome.Assessed;
import io.kadi.risk.scoring.domain.Attempt;
import io.kadi.risk.scoring.domain.Channel;
import io.kadi.risk.scoring.domain.RiskAction;
import io.kadi.risk.scoring.persistence.AuthorizationHistory;
import io.kadi.risk.testing.RiskOutputs;
import io.kadi.risk.testing.RiskServiceTest;
import io.kadi.risk.testing.TestCard;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Auto-freeze is off by default: a block then declines and alerts, and leaves the card as it is. The shared test
 * context runs with auto-freeze on, so this test drives two assessors of its own, one with it off and one with it on.
 */
@RiskServiceTest
class BlockingWithoutAutoFreezeIT {

  private static final Instant NIGHT_IN_LAGOS = Instant.parse("2026-03-10T01:00:00Z");
  private static final RequestContext CONTEXT = new RequestContext("req-no-freeze", "processor-test", Mode.SANDBOX, "cause");

  @Autowired AuthorizationHistory history;
  @Autowired RiskPublisher publisher;
  @Autowired RiskProperties properties;
  @Autowired TransactionTemplate transactions;

  @Test
  void aBlockWithAutoFreezeOffPublishesTheAssessmentAndTheAlertButNoFreezeCard() {
    TestCard card = TestCard.nigerian();
    RiskAssessor withoutFreeze = new RiskAssessor(history, publisher, withFreezeOnBlock(false));
    RiskAssessor withFreeze = new RiskAssessor(history, publisher, withFreezeOnBlock(true));
    List<Attempt> attempts = IntStream.range(0, 11).mapToObj(i -> smallAttempt(card, NIGHT_IN_LAGOS.plusSeconds(20L * i))).toList();
    try (RiskOutputs outputs = new RiskOutputs()) {
      List<AssessmentOutcome> outcomes = attempts.subList(0, 10).stream()
          .map(attempt -> transactions.execute(status -> withoutFreeze.assess(attempt, CONTEXT))).toList();
      // The same block on the same card with auto-freeze on: its FreezeCard is the first the card gets.
      AssessmentOutcome eleventh = transactions.execute(status -> withFreeze.assess(attempts.getLast(), CONTEXT));

      assertThat(outcomes.getLast()).isInstanceOfSatisfying(Assessed.class,
          assessed -> assertThat(assessed.assessment().action()).isEqualTo(RiskAction.BLOCK));
      assertThat(eleventh).isInstanceOfSatisfying(Assessed.class,
          assessed -> assertThat(assessed.assessment().action()).isEqualTo(RiskAction.BLOCK));
      assertThat(outputs.assessments(card, 11)).hasSize(11);
      assertThat(outputs.alerts(card, 2)).extracting(Alert::getType).containsExactly("risk_block", "risk_block");
      assertThat(outputs.freezes(card, 1)).extracting(FreezeCard::getCommandId)
          .containsExactly("risk-block-" + attempts.getLast().authorizationId());
    }
  }

  private RiskProperties withFreezeOnBlock(boolean freeze) {
    RiskProperties p = properties;
    return new RiskProperties(p.reviewThreshold(), p.blockThreshold(), freeze, p.highRiskMccs(), p.offHoursStart(), p.offHoursEnd(),
        p.smallAmountLimits(), p.historyRetention(), p.historyPurgeInterval());
  }

  private static Attempt smallAttempt(TestCard card, Instant at) {
    return new Attempt(UUID.randomUUID(), card.cardId(), card.cardholderId(), 50, "NGN", "5411", "NG", Channel.ECOMMERCE, at, "NG",
        ZoneId.of("Africa/Lagos"), Optional.empty());
  }
}
