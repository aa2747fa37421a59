package io.kadi.card.controls.kafka;

import io.kadi.card.controls.application.ControlsEvents;
import io.kadi.card.controls.domain.SpendingControls;
import io.kadi.card.controls.domain.ControlsOwner;
import io.kadi.events.card.v1.ControlsSubject;
import io.kadi.events.card.v1.SpendingControlsUpdated;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.outbox.Outbox;
import io.kadi.schemas.topics.Topics;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** SpendingControlsUpdated on kadi.card-events.v1, keyed by the card or cardholder id. */
@Component
class ControlsEventPublisher implements ControlsEvents {

  private final Outbox outbox;
  private final RecordMetadata metadata;

  ControlsEventPublisher(Outbox outbox, RecordMetadata metadata) {
    this.outbox = outbox;
    this.metadata = metadata;
  }

  @Override
  public void updated(ControlsOwner owner, UUID subjectId, SpendingControls controls, RequestContext context) {
    outbox.append(Topics.CARD_EVENTS, subjectId.toString(), SpendingControlsUpdated.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setSubjectType(switch (owner) {
          case CARD -> ControlsSubject.card;
          case CARDHOLDER -> ControlsSubject.cardholder;
        })
        .setSubjectId(subjectId)
        .setControls(ControlsAvro.toAvro(controls))
        .build());
  }
}
