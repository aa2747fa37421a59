package io.kadi.limits.authorization.application;

import io.kadi.kit.context.RequestContext;
import io.kadi.limits.authorization.domain.Authorization;
import io.kadi.limits.authorization.domain.LimitDecision;

/** Where limit decisions go; called inside the transaction that reserves (or not) for the authorization. */
public interface LimitDecisions {

  void evaluated(Authorization authorization, LimitDecision decision, RequestContext context);
}
