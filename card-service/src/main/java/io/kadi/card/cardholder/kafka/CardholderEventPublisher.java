package io.kadi.card.cardholder.kafka;

import io.kadi.card.cardholder.application.CardholderEvents;
import io.kadi.card.cardholder.domain.Cardholder;
import io.kadi.card.cardholder.domain.Kyc;
import io.kadi.events.card.v1.CardholderCreated;
import io.kadi.events.card.v1.KycStatus;
import io.kadi.events.card.v1.KycStatusChanged;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.outbox.Outbox;
import io.kadi.schemas.topics.Topics;
import org.springframework.stereotype.Component;

/** Cardholder events on kadi.card-events.v1, keyed by cardholder id. Contact details are never published. */
@Component
class CardholderEventPublisher implements CardholderEvents {

  private final Outbox outbox;
  private final RecordMetadata metadata;

  CardholderEventPublisher(Outbox outbox, RecordMetadata metadata) {
    this.outbox = outbox;
    this.metadata = metadata;
  }

  @Override
  public void created(Cardholder cardholder, RequestContext context) {
    outbox.append(Topics.CARD_EVENTS, cardholder.id().toString(), CardholderCreated.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setCardholderId(cardholder.id())
        .setCountry(cardholder.country())
        .setTimezone(cardholder.timezone().getId())
        .setKycStatus(avro(cardholder.kyc().status()))
        .build());
  }

  @Override
  public void kycChanged(Cardholder cardholder, Kyc previous, RequestContext context) {
    outbox.append(Topics.CARD_EVENTS, cardholder.id().toString(), KycStatusChanged.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setCardholderId(cardholder.id())
        .setPreviousStatus(avro(previous.status()))
        .setStatus(avro(cardholder.kyc().status()))
        .setTier(cardholder.kyc().tier())
        .setReference(cardholder.kyc().reference())
        .build());
  }

  private static KycStatus avro(io.kadi.card.cardholder.domain.KycStatus status) {
    return switch (status) {
      case PENDING -> KycStatus.pending;
      case VERIFIED -> KycStatus.verified;
      case REJECTED -> KycStatus.rejected;
    };
  }
}
