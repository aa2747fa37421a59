package io.kadi.audit.testing;

import io.kadi.audit.log.domain.AuditedRecord;
import io.kadi.audit.log.domain.SourcePosition;
import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.commands.card.v1.IssueCard;
import io.kadi.events.card.v1.CardFrozen;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CardType;
import io.kadi.events.card.v1.CommandRejected;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Kadi records as platform teams and card-service publish them, each with a fresh event id. */
public final class SampleRecords {

  public static final RequestContext CONTEXT = new RequestContext("req-audit-test", "client-audit", Mode.SANDBOX, null);
  private static final RecordMetadata METADATA = new RecordMetadata(Clock.systemUTC());

  private SampleRecords() {}

  public static Metadata metadata() {
    return METADATA.stamp(CONTEXT);
  }

  public static UUID eventIdOf(SpecificRecord record) {
    return RecordMetadata.of(record).getEventId();
  }

  public static IssueCard issueCard(UUID cardholderId) {
    return IssueCard.newBuilder().setMetadata(metadata()).setCommandId(UUID.randomUUID().toString())
        .setCardholderId(cardholderId.toString()).setType(CardType.virtual).setCurrency("KES").build();
  }

  public static CardIssued cardIssued(UUID cardId, UUID cardholderId) {
    return CardIssued.newBuilder().setMetadata(metadata()).setCardId(cardId).setCardholderId(cardholderId)
        .setType(CardType.virtual).setCurrency("KES").setBin("535522").setLast4("0042").setExpMonth(11).setExpYear(2030)
        .build();
  }

  public static FreezeCard freezeCard(UUID cardId) {
    return FreezeCard.newBuilder().setMetadata(metadata()).setCommandId(UUID.randomUUID().toString())
        .setCardId(cardId.toString()).setReason("reported lost").build();
  }

  public static CardFrozen cardFrozen(UUID cardId) {
    return CardFrozen.newBuilder().setMetadata(metadata()).setCardId(cardId).setReason("reported lost").build();
  }

  /**
   * A card's freeze as audit-service reads it, for tests that append to the log directly. Its source position is
   * nominal (partition 0, offset 0 of the card events): nothing checks it against the broker.
   */
  public static AuditedRecord audited(String mode) {
    CardFrozen frozen = cardFrozen(UUID.randomUUID());
    return audited(frozen, mode, Map.of("cardId", frozen.getCardId().toString()));
  }

  public static AuditedRecord audited() {
    return audited("sandbox");
  }

  /** A card's freeze as {@link #audited()}, but about the given ids: for tests of how subject ids are hashed. */
  public static AuditedRecord auditedAbout(Map<String, String> subjectIds) {
    return audited(cardFrozen(UUID.randomUUID()), "sandbox", subjectIds);
  }

  private static AuditedRecord audited(CardFrozen frozen, String mode, Map<String, String> subjectIds) {
    Metadata metadata = frozen.getMetadata();
    return new AuditedRecord(metadata.getEventId(), CardFrozen.getClassSchema().getFullName(),
        new SourcePosition("kadi.card-events.v1", 0, 0), metadata.getOccurredAt(), mode, metadata.getActorClientId(),
        metadata.getRequestId(), new TreeMap<>(subjectIds), AvroRecords.json(frozen));
  }

  /** A rejected command, about a card or cardholder, or about nothing in particular (a null subjectId). */
  public static CommandRejected commandRejected(String subjectId) {
    return CommandRejected.newBuilder().setMetadata(metadata()).setCommandId(UUID.randomUUID().toString())
        .setCommandType("IssueCard").setSubjectId(subjectId).setCode("malformed_command").setReason("No cardholder id.").build();
  }
}
