package io.kadi.schemas.topics;

import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.commands.card.v1.FundCard;
import io.kadi.commands.card.v1.IssueCard;
import io.kadi.commands.card.v1.TerminateCard;
import io.kadi.commands.card.v1.UnfreezeCard;
import io.kadi.events.audit.v1.AuditRecord;
import io.kadi.events.card.v1.CardFrozen;
import io.kadi.events.card.v1.CardFunded;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CardTerminated;
import io.kadi.events.card.v1.CardUnfrozen;
import io.kadi.events.card.v1.CardholderCreated;
import io.kadi.events.card.v1.CommandRejected;
import io.kadi.events.card.v1.KycStatusChanged;
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
      "card id; cardholder id for cardholder events and for rejected IssueCard commands",
      List.of(CardholderCreated.class, KycStatusChanged.class, CardIssued.class, CardFunded.class,
          CardFrozen.class, CardUnfrozen.class, CardTerminated.class, CommandRejected.class));

  /** The hash-chained audit log, written by audit-service only, for analysts. */
  public static final KadiTopic AUDIT_RECORDS = new KadiTopic(
      "kadi.audit-records.v1",
      "chain id",
      List.of(AuditRecord.class));

  public static final List<KadiTopic> ALL = List.of(CARD_COMMANDS, CARD_EVENTS, AUDIT_RECORDS);

  private Topics() {}
}
