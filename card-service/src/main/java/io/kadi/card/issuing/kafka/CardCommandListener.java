package io.kadi.card.issuing.kafka;

import io.kadi.card.issuing.application.CardService;
import io.kadi.card.issuing.application.NewCard;
import io.kadi.card.issuing.application.NewFunding;
import io.kadi.card.issuing.domain.CardType;
import io.kadi.card.issuing.domain.LifecycleAction;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.Refusal;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.commands.card.v1.FundCard;
import io.kadi.commands.card.v1.IssueCard;
import io.kadi.commands.card.v1.TerminateCard;
import io.kadi.commands.card.v1.UnfreezeCard;
import io.kadi.events.card.v1.CommandRejected;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.inbox.Inbox;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.kit.outbox.Outbox;
import io.kadi.schemas.topics.Topics;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Carries out the commands platform teams publish on kadi.card-commands.v1, with the same rules as the REST API.
 * A command runs at most once per (client, commandId), and its effects, its events and the inbox row commit
 * together. A command that cannot be carried out yields CommandRejected with the same code the REST API would give.
 */
@Component
class CardCommandListener {

  static final String HANDLER = "card-commands";

  private final CardService cards;
  private final Inbox inbox;
  private final Outbox outbox;
  private final RecordMetadata metadata;

  CardCommandListener(CardService cards, Inbox inbox, Outbox outbox, RecordMetadata metadata) {
    this.cards = cards;
    this.inbox = inbox;
    this.outbox = outbox;
    this.metadata = metadata;
  }

  /** A command read off the topic: its id, what it is about, and what carrying it out means. */
  private record Command(String id, String subjectId, Function<RequestContext, Outcome<?>> execution) {}

  @KafkaListener(id = HANDLER, idIsGroup = false, topics = "#{T(io.kadi.schemas.topics.Topics).CARD_COMMANDS.name()}")
  void on(SpecificRecord record) {
    Command command = switch (record) {
      case IssueCard c -> new Command(c.getCommandId(), c.getCardholderId(), context ->
          id(c.getCardholderId(), RefusalCode.CARDHOLDER_NOT_FOUND, "cardholder").then(cardholderId ->
              cards.issue(new NewCard(cardholderId, type(c.getType()), c.getCurrency()), context)));
      case FundCard c -> new Command(c.getCommandId(), c.getCardId(), context ->
          card(c.getCardId()).then(cardId ->
              cards.fund(cardId, new NewFunding(c.getAmount(), c.getCurrency(), c.getReference()), context)));
      case FreezeCard c -> new Command(c.getCommandId(), c.getCardId(), context ->
          card(c.getCardId()).then(cardId -> cards.change(cardId, LifecycleAction.FREEZE, c.getReason(), context)));
      case UnfreezeCard c -> new Command(c.getCommandId(), c.getCardId(), context ->
          card(c.getCardId()).then(cardId -> cards.change(cardId, LifecycleAction.UNFREEZE, null, context)));
      case TerminateCard c -> new Command(c.getCommandId(), c.getCardId(), context ->
          card(c.getCardId()).then(cardId -> cards.change(cardId, LifecycleAction.TERMINATE, c.getReason(), context)));
      default -> throw new UnprocessableRecordException(
          record.getSchema().getFullName() + " is not a card command: kadi.card-commands.v1 carries commands only");
    };
    if (command.id() == null || command.id().isBlank()) {
      throw new UnprocessableRecordException("A command without a commandId cannot be de-duplicated");
    }
    Metadata sent = RecordMetadata.of(record);
    RequestContext context = RequestContext.causedBy(sent, command.id());
    inbox.processOnce(HANDLER, sent.getActorClientId() + "/" + command.id(), () -> {
      if (command.execution().apply(context) instanceof Outcome.Refused<?>(Refusal refusal)) {
        reject(record, command, refusal, context);
      }
    });
  }

  private void reject(SpecificRecord record, Command command, Refusal refusal, RequestContext context) {
    String key = command.subjectId() == null || command.subjectId().isBlank() ? command.id() : command.subjectId();
    outbox.append(Topics.CARD_EVENTS, key, CommandRejected.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setCommandId(command.id())
        .setCommandType(record.getSchema().getName())
        .setSubjectId(command.subjectId())
        .setCode(refusal.code().code())
        .setReason(refusal.detail())
        .build());
  }

  private static Outcome<UUID> card(String cardId) {
    return id(cardId, RefusalCode.CARD_NOT_FOUND, "card");
  }

  /** Command ids are strings, so that a malformed one is answered with a rejection rather than a dead letter. */
  private static Outcome<UUID> id(String text, RefusalCode notFound, String what) {
    try {
      return Outcome.done(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Outcome.refused(notFound, "No " + what + " " + text + ".");
    }
  }

  private static CardType type(io.kadi.events.card.v1.CardType type) {
    return switch (type) {
      case virtual -> CardType.VIRTUAL;
      case physical -> CardType.PHYSICAL;
    };
  }
}
