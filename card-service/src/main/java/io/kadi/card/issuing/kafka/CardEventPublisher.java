package io.kadi.card.issuing.kafka;

import io.kadi.card.issuing.application.CardEvents;
import io.kadi.card.issuing.domain.Card;
import io.kadi.card.issuing.domain.Funding;
import io.kadi.card.issuing.domain.LifecycleAction;
import io.kadi.events.card.v1.CardFrozen;
import io.kadi.events.card.v1.CardFunded;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CardTerminated;
import io.kadi.events.card.v1.CardType;
import io.kadi.events.card.v1.CardUnfrozen;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.outbox.Outbox;
import io.kadi.schemas.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Card events on kadi.card-events.v1, keyed by card id. A PAN appears only as BIN and last four digits. */
@Component
class CardEventPublisher implements CardEvents {

  private final Outbox outbox;
  private final RecordMetadata metadata;

  CardEventPublisher(Outbox outbox, RecordMetadata metadata) {
    this.outbox = outbox;
    this.metadata = metadata;
  }

  @Override
  public void issued(Card card, RequestContext context) {
    publish(card, CardIssued.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setCardId(card.id())
        .setCardholderId(card.cardholderId())
        .setType(switch (card.type()) {
          case VIRTUAL -> CardType.virtual;
          case PHYSICAL -> CardType.physical;
        })
        .setCurrency(card.currency().code())
        .setBin(card.bin())
        .setLast4(card.last4())
        .setExpMonth(card.expiry().getMonthValue())
        .setExpYear(card.expiry().getYear())
        .build());
  }

  @Override
  public void funded(Card card, Funding funding, RequestContext context) {
    publish(card, CardFunded.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setCardId(card.id())
        .setFundingId(funding.id())
        .setAmount(funding.amount().minorUnits())
        .setCurrency(funding.amount().currency().code())
        .setReference(funding.reference())
        .setAvailableBalance(card.available())
        .build());
  }

  @Override
  public void changed(Card card, LifecycleAction action, String reason, RequestContext context) {
    publish(card, switch (action) {
      case FREEZE -> CardFrozen.newBuilder().setMetadata(metadata.stamp(context)).setCardId(card.id()).setReason(reason).build();
      case UNFREEZE -> CardUnfrozen.newBuilder().setMetadata(metadata.stamp(context)).setCardId(card.id()).build();
      case TERMINATE -> CardTerminated.newBuilder().setMetadata(metadata.stamp(context)).setCardId(card.id())
          .setReason(reason).setRemainingBalance(card.available()).build();
    });
  }

  private void publish(Card card, SpecificRecord event) {
    outbox.append(Topics.CARD_EVENTS, card.id().toString(), event);
  }
}
