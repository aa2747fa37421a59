package io.kadi.schemas.topics;

import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.commands.card.v1.FundCard;
import io.kadi.commands.card.v1.IssueCard;
import io.kadi.commands.card.v1.TerminateCard;
import io.kadi.commands.card.v1.UnfreezeCard;
import io.kadi.events.alert.v1.Alert;
import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.events.audit.v1.AuditRecord;
import io.kadi.events.authorization.v1.AuthorizationCaptured;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.AuthorizationReversed;
import io.kadi.events.card.v1.CardFrozen;
import io.kadi.events.card.v1.CardFunded;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CardTerminated;
import io.kadi.events.card.v1.CardUnfrozen;
import io.kadi.events.card.v1.CardholderCreated;
import io.kadi.events.card.v1.CommandRejected;
import io.kadi.events.card.v1.KycStatusChanged;
import io.kadi.events.card.v1.SpendingControlsUpdated;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.events.risk.v1.RiskAssessed;
import java.util.List;

/** Every Kadi topic. The single source of topic names: services and tests refer to these constants. */
public final class Topics {

  /** Commands from platform teams (and risk-service's auto-freeze) to card-service. */
  public static final KadiTopic CARD_COMMANDS = new KadiTopic(
      "kadi.card-commands.v1",
      "card id; cardholder id for IssueCard",
      List.of(IssueCard.class, FundCard.class, FreezeCard.class, UnfreezeCard.class, TerminateCard.class));

  /** The card lifecycle, written by card-service only. */
  public static final KadiTopic CARD_EVENTS = new KadiTopic(
      "kadi.card-events.v1",
      "card id; cardholder id for cardholder events, cardholder controls and rejected IssueCard commands",
      List.of(CardholderCreated.class, KycStatusChanged.class, CardIssued.class, CardFunded.class,
          CardFrozen.class, CardUnfrozen.class, CardTerminated.class, CommandRejected.class,
          SpendingControlsUpdated.class));

  /** The authorization path, written by card-service only: requests, decisions, captures and reversals. */
  public static final KadiTopic AUTHORIZATIONS = new KadiTopic(
      "kadi.authorizations.v1",
      "card id",
      List.of(AuthorizationRequested.class, AuthorizationDecided.class, AuthorizationCaptured.class,
          AuthorizationReversed.class));

  /** limits-service's answer to each authorization request, co-partitioned with the authorizations. */
  public static final KadiTopic LIMIT_DECISIONS = new KadiTopic(
      "kadi.limit-decisions.v1",
      "card id",
      List.of(LimitsEvaluated.class));

  /** risk-service's answer to each authorization request, co-partitioned with the authorizations. */
  public static final KadiTopic RISK_ASSESSMENTS = new KadiTopic(
      "kadi.risk-assessments.v1",
      "card id",
      List.of(RiskAssessed.class));

  /** Alerts for people, written by risk-service. */
  public static final KadiTopic ALERTS = new KadiTopic(
      "kadi.alerts.v1",
      "alert subject id",
      List.of(Alert.class));

  /** Every REST request to every service, accepted or refused, written by each service's API layer. */
  public static final KadiTopic API_ACCESS = new KadiTopic(
      "kadi.api-access.v1",
      "API client id",
      List.of(ApiRequestLogged.class));

  /** The hash-chained audit log, written by audit-service only, for analysts. */
  public static final KadiTopic AUDIT_RECORDS = new KadiTopic(
      "kadi.audit-records.v1",
      "chain id",
      List.of(AuditRecord.class));

  public static final List<KadiTopic> ALL = List.of(CARD_COMMANDS, CARD_EVENTS, AUTHORIZATIONS, LIMIT_DECISIONS,
      RISK_ASSESSMENTS, ALERTS, API_ACCESS, AUDIT_RECORDS);

  private Topics() {}
}
