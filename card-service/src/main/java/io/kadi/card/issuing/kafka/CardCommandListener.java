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
import java.util.Optional;
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
  private static final int MAX_COMMAND_ID_LENGTH = 100;
  private static final int MAX_METADATA_LENGTH = 200;

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
    Metadata sent = RecordMetadata.of(record);
    requireIdentifiable(command.id(), sent);
    RequestContext context = RequestContext.causedBy(sent, command.id());
    inbox.processOnce(HANDLER, sent.getActorClientId() + "/" + command.id(), () -> {
      if (command.execution().apply(context) instanceof Outcome.Refused<?>(Refusal refusal)) {
        reject(record, command, refusal, context);
      }
    });
  }

  /**
   * A command is answered under its id and its sender's metadata, which every resulting record repeats: without a
   * usable id, or with metadata that cannot be stored, there is nothing to answer to, and it is dead-lettered.
   */
  private static void requireIdentifiable(String commandId, Metadata sent) {
    if (!usable(commandId, MAX_COMMAND_ID_LENGTH)) {
      throw new UnprocessableRecordException("A command needs a commandId of 1 to " + MAX_COMMAND_ID_LENGTH
          + " characters without NUL, to be carried out once and answered");
    }
    if (!usable(sent.getRequestId(), MAX_METADATA_LENGTH) || !usable(sent.getActorClientId(), MAX_METADATA_LENGTH)) {
      throw new UnprocessableRecordException("A command's requestId and actorClientId must be 1 to " + MAX_METADATA_LENGTH
          + " characters without NUL");
    }
  }

  private static boolean usable(String text, int maxLength) {
    return text != null && !text.isBlank() && text.length() <= maxLength && Refusal.storable(text);
  }

  /** Keyed, and about, the card or cardholder the command named when it named one; otherwise keyed by command id. */
  private void reject(SpecificRecord record, Command command, Refusal refusal, RequestContext context) {
    String subject = uuid(command.subjectId()).map(UUID::toString).orElse(null);
    outbox.append(Topics.CARD_EVENTS, subject != null ? subject : command.id(), CommandRejected.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setCommandId(command.id())
        .setCommandType(record.getSchema().getName())
        .setSubjectId(subject)
        .setCode(refusal.code().code())
        .setReason(refusal.detail())
        .build());
  }

  private static Outcome<UUID> card(String cardId) {
    return id(cardId, RefusalCode.CARD_NOT_FOUND, "card");
  }

  /** Command ids are strings, so that a malformed one is answered with a rejection rather than a dead letter. */
  private static Outcome<UUID> id(String text, RefusalCode notFound, String what) {
    return uuid(text).<Outcome<UUID>>map(Outcome::done)
        .orElseGet(() -> Outcome.refused(notFound, "No " + what + " " + Refusal.shown(text) + "."));
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static CardType type(io.kadi.events.card.v1.CardType type) {
    return switch (type) {
      case virtual -> CardType.VIRTUAL;
      case physical -> CardType.PHYSICAL;
    };
  }
}
