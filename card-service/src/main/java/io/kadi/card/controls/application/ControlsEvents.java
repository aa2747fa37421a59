package io.kadi.card.controls.application;

import io.kadi.card.controls.domain.SpendingControls;
import io.kadi.card.controls.domain.ControlsOwner;
import io.kadi.kit.context.RequestContext;
import java.util.UUID;

/** Where changes to spending controls are published; called inside the transaction that makes them. */
public interface ControlsEvents {

  void updated(ControlsOwner owner, UUID subjectId, SpendingControls controls, RequestContext context);
}
