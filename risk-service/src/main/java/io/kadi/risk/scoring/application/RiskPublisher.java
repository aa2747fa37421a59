package io.kadi.risk.scoring.application;

import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.events.alert.v1.Alert;
import io.kadi.events.alert.v1.AlertSeverity;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.context.Ids;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.outbox.Outbox;
import io.kadi.risk.scoring.domain.Assessment;
import io.kadi.risk.scoring.domain.Attempt;
import io.kadi.risk.scoring.domain.FiredRule;
import io.kadi.risk.scoring.domain.Freeze;
import io.kadi.schemas.topics.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Puts an assessment's records in the outbox, all keyed by card id: the RiskAssessed card-service joins, an Alert for
 * a review or a block, and the FreezeCard of an auto-freeze.
 */
@Component
class RiskPublisher {

  static final String REVIEW_ALERT = "risk_review";
  static final String BLOCK_ALERT = "risk_block";

  private final Outbox outbox;
  private final RecordMetadata metadata;

  RiskPublisher(Outbox outbox, RecordMetadata metadata) {
    this.outbox = outbox;
    this.metadata = metadata;
  }

  void publish(Attempt attempt, Assessment assessment, Optional<Freeze> freeze, RequestContext context) {
    String card = attempt.cardId().toString();
    outbox.append(Topics.RISK_ASSESSMENTS, card, RiskAssessed.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setAuthorizationId(attempt.authorizationId())
        .setCardId(attempt.cardId())
        .setScore(assessment.score())
        .setAction(action(assessment))
        .setFiredRules(assessment.firedRules().stream().map(RiskPublisher::firedRule).toList())
        .build());
    switch (assessment.action()) {
      case ALLOW -> { }
      case REVIEW -> outbox.append(Topics.ALERTS, card, alert(attempt, assessment, REVIEW_ALERT, AlertSeverity.warning,
          "flagged for review", context));
      case BLOCK -> outbox.append(Topics.ALERTS, card, alert(attempt, assessment, BLOCK_ALERT, AlertSeverity.critical,
          "blocked", context));
    }
    freeze.ifPresent(command -> outbox.append(Topics.CARD_COMMANDS, card, FreezeCard.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setCommandId(command.commandId())
        .setCardId(card)
        .setReason(command.reason())
        .build()));
  }

  private Alert alert(Attempt attempt, Assessment assessment, String type, AlertSeverity severity, String outcome,
      RequestContext context) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("authorizationId", attempt.authorizationId().toString());
    details.put("cardholderId", attempt.cardholderId().toString());
    details.put("score", Integer.toString(assessment.score()));
    details.put("firedRules", assessment.ruleNames());
    return Alert.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setAlertId(Ids.newId())
        .setType(type)
        .setSeverity(severity)
        .setSubjectType("card")
        .setSubjectId(attempt.cardId().toString())
        .setSummary("Authorization %s on card %s scored %d and was %s: %s.".formatted(attempt.authorizationId(),
            attempt.cardId(), assessment.score(), outcome, String.join(", ", assessment.firedRules().stream().map(FiredRule::rule).toList())))
        .setDetails(details)
        .build();
  }

  private static RiskAction action(Assessment assessment) {
    return switch (assessment.action()) {
      case ALLOW -> RiskAction.allow;
      case REVIEW -> RiskAction.review;
      case BLOCK -> RiskAction.block;
    };
  }

  private static io.kadi.events.risk.v1.FiredRule firedRule(FiredRule fired) {
    return io.kadi.events.risk.v1.FiredRule.newBuilder()
        .setRule(fired.rule())
        .setWeight(fired.weight())
        .setDetail(fired.detail())
        .setFeatures(fired.features())
        .build();
  }
}
