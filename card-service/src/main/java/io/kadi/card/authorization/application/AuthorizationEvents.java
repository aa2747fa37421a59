package io.kadi.card.authorization.application;

import io.kadi.card.authorization.domain.Authorization;
import io.kadi.card.cardholder.domain.Cardholder;
import io.kadi.card.controls.domain.SpendingControls;
import io.kadi.card.issuing.domain.Card;
import io.kadi.kit.context.RequestContext;

/** Where authorization events go; called inside the transaction of the change they report. */
public interface AuthorizationEvents {

  /** With what limits-service and risk-service need to decide on the facts as they were at the request. */
  void requested(Authorization authorization, Cardholder cardholder, SpendingControls cardControls,
      SpendingControls cardholderControls, RequestContext context);

  void decided(Authorization authorization, Card card, RequestContext context);

  void captured(Authorization authorization, long released, Card card, RequestContext context);

  void reversed(Authorization authorization, Card card, RequestContext context);
}
