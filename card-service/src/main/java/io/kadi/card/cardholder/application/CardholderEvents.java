package io.kadi.card.cardholder.application;

import io.kadi.card.cardholder.domain.Cardholder;
import io.kadi.card.cardholder.domain.Kyc;
import io.kadi.kit.context.RequestContext;

/** Where cardholder events go; called inside the transaction of the change they report. */
public interface CardholderEvents {

  void created(Cardholder cardholder, RequestContext context);

  void kycChanged(Cardholder cardholder, Kyc previous, RequestContext context);
}
