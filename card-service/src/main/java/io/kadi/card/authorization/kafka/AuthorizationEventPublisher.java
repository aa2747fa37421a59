package io.kadi.card.authorization.kafka;

import io.kadi.card.authorization.application.AuthorizationEvents;
import io.kadi.card.authorization.domain.Authorization;
import io.kadi.card.cardholder.domain.Cardholder;
import io.kadi.card.controls.domain.SpendingControls;
import io.kadi.card.controls.kafka.ControlsAvro;
import io.kadi.card.issuing.domain.Card;
import io.kadi.events.authorization.v1.AuthorizationCaptured;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.AuthorizationReversed;
import io.kadi.events.authorization.v1.Merchant;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.outbox.Outbox;
import io.kadi.schemas.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Authorization events on kadi.authorizations.v1, keyed by card id so that a card's are read in order. */
@Component
class AuthorizationEventPublisher implements AuthorizationEvents {

  private final Outbox outbox;
  private final RecordMetadata metadata;

  AuthorizationEventPublisher(Outbox outbox, RecordMetadata metadata) {
    this.outbox = outbox;
    this.metadata = metadata;
  }

  @Override
  public void requested(Authorization authorization, Cardholder cardholder, SpendingControls cardControls,
      SpendingControls cardholderControls, RequestContext context) {
    publish(authorization, AuthorizationRequested.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setAuthorizationId(authorization.id())
        .setCardId(authorization.cardId())
        .setCardholderId(authorization.cardholderId())
        .setAmount(authorization.amount().minorUnits())
        .setCurrency(authorization.amount().currency().code())
        .setMerchant(Merchant.newBuilder()
            .setName(authorization.merchant().name())
            .setMcc(authorization.merchant().mcc())
            .setCountry(authorization.merchant().country())
            .setCity(authorization.merchant().city())
            .build())
        .setChannel(ControlsAvro.toAvro(authorization.channel()))
        .setCardholderCountry(cardholder.country())
        .setCardholderTimeZone(cardholder.timezone().getId())
        .setKycTier(cardholder.kyc().tier() == null ? 0 : cardholder.kyc().tier())
        .setCardControls(ControlsAvro.toAvro(cardControls))
        .setCardholderControls(ControlsAvro.toAvro(cardholderControls))
        .setDeclinedAtRequest(authorization.declineReason() == null ? null : authorization.declineReason().code())
        .build());
  }

  @Override
  public void decided(Authorization authorization, Card card, RequestContext context) {
    publish(authorization, AuthorizationDecided.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setAuthorizationId(authorization.id())
        .setCardId(authorization.cardId())
        .setCardholderId(authorization.cardholderId())
        .setApproved(authorization.declineReason() == null)
        .setDeclineReason(authorization.declineReason() == null ? null : authorization.declineReason().code())
        .setAmount(authorization.amount().minorUnits())
        .setCurrency(authorization.amount().currency().code())
        .setRiskScore(authorization.risk() == null ? null : authorization.risk().score())
        .setStandIn(authorization.standIn())
        .setAvailableBalance(card.available())
        .setHeldBalance(card.held())
        .build());
  }

  @Override
  public void captured(Authorization authorization, long released, Card card, RequestContext context) {
    publish(authorization, AuthorizationCaptured.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setAuthorizationId(authorization.id())
        .setCardId(authorization.cardId())
        .setCardholderId(authorization.cardholderId())
        .setAmount(authorization.captured())
        .setReleasedAmount(released)
        .setCurrency(authorization.amount().currency().code())
        .setAvailableBalance(card.available())
        .build());
  }

  @Override
  public void reversed(Authorization authorization, Card card, RequestContext context) {
    publish(authorization, AuthorizationReversed.newBuilder()
        .setMetadata(metadata.stamp(context))
        .setAuthorizationId(authorization.id())
        .setCardId(authorization.cardId())
        .setCardholderId(authorization.cardholderId())
        .setAmount(authorization.amount().minorUnits())
        .setCurrency(authorization.amount().currency().code())
        .setAvailableBalance(card.available())
        .build());
  }

  private void publish(Authorization authorization, SpecificRecord event) {
    outbox.append(Topics.AUTHORIZATIONS, authorization.cardId().toString(), event);
  }
}
