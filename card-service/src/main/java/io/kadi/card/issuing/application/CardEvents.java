package io.kadi.card.issuing.application;

import io.kadi.card.issuing.domain.Card;
import io.kadi.card.issuing.domain.Funding;
import io.kadi.card.issuing.domain.LifecycleAction;
import io.kadi.kit.context.RequestContext;

/** Where card events go; called inside the transaction of the change they report. */
public interface CardEvents {

  void issued(Card card, RequestContext context);

  void funded(Card card, Funding funding, RequestContext context);

  void changed(Card card, LifecycleAction action, String reason, RequestContext context);
}
