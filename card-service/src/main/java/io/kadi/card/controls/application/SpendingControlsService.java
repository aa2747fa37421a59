package io.kadi.card.controls.application;

import io.kadi.card.iam.persistence.ProgramCeilings;
import java.util.Map;
import java.util.Set;
import io.kadi.card.cardholder.application.CardholderService;
import io.kadi.card.controls.domain.ControlsInput;
import io.kadi.card.controls.domain.ControlsRules;
import io.kadi.card.controls.domain.SpendingControls;
import io.kadi.card.controls.persistence.SpendingControlsRepository;
import io.kadi.card.controls.domain.ControlsOwner;
import io.kadi.card.issuing.application.CardService;
import io.kadi.card.outcome.Outcome;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.context.Tenant;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces the controls of a card or a cardholder whole, under a lock on it, and publishes SpendingControlsUpdated.
 * An authorization reads the controls under the card's lock too, so it sees either the old set or the new one.
 */
@Service
public class SpendingControlsService {

  private final SpendingControlsRepository controls;
  private final CardService cards;
  private final CardholderService cardholders;
  private final ControlsEvents events;
  private final ProgramCeilings ceilings;
  private final Clock clock;

  SpendingControlsService(SpendingControlsRepository controls, CardService cards, CardholderService cardholders,
      ControlsEvents events, ProgramCeilings ceilings, Clock clock) {
    this.controls = controls;
    this.cards = cards;
    this.cardholders = cardholders;
    this.events = events;
    this.ceilings = ceilings;
    this.clock = clock;
  }

  /**
   * A limit above the program's ceiling for its currency calls {@code aboveCeiling} before anything is saved: the web
   * layer asks for a step-up there, and a refusal it throws leaves everything as it was.
   */
  @Transactional
  public Outcome<SpendingControls> setForCard(UUID cardId, ControlsInput input, RequestContext context, Runnable aboveCeiling) {
    return cards.lock(cardId, context.tenant())
        .then(card -> ControlsRules.validate(input, card.currency()))
        .then(valid -> save(ControlsOwner.CARD, cardId, checked(ControlsOwner.CARD, cardId, valid, context, aboveCeiling), context));
  }

  @Transactional
  public Outcome<SpendingControls> setForCardholder(UUID cardholderId, ControlsInput input, RequestContext context,
      Runnable aboveCeiling) {
    return cardholders.lock(cardholderId, context.tenant())
        .then(cardholder -> ControlsRules.validate(input, null))
        .then(valid -> save(ControlsOwner.CARDHOLDER, cardholderId,
            checked(ControlsOwner.CARDHOLDER, cardholderId, valid, context, aboveCeiling), context));
  }

  /**
   * Raising a limit above the ceiling is setting one above it, or taking away every limit of a currency whose limits
   * were within it (no limit is no ceiling).
   */
  private SpendingControls checked(ControlsOwner owner, UUID id, SpendingControls valid, RequestContext context,
      Runnable aboveCeiling) {
    Map<String, Long> ceilings = this.ceilings.of(context.programId());
    if (ceilings.isEmpty()) {
      return valid;
    }
    SpendingControls before = controls.find(owner, id);
    boolean above = ceilings.entrySet().stream().anyMatch(ceiling -> {
      Set<Long> now = amountsIn(valid, ceiling.getKey());
      Set<Long> was = amountsIn(before, ceiling.getKey());
      return now.stream().anyMatch(amount -> amount > ceiling.getValue())
          || now.isEmpty() && was.stream().anyMatch(amount -> amount <= ceiling.getValue());
    });
    if (above) {
      aboveCeiling.run();
    }
    return valid;
  }

  private static Set<Long> amountsIn(SpendingControls controls, String currency) {
    return controls.spendingLimits().stream().filter(limit -> limit.amount().currency().code().equals(currency))
        .map(limit -> limit.amount().minorUnits()).collect(java.util.stream.Collectors.toSet());
  }

  public Outcome<SpendingControls> forCard(UUID cardId, Tenant tenant) {
    return cards.get(cardId, tenant).then(card -> Outcome.done(controls.find(ControlsOwner.CARD, cardId)));
  }

  public Outcome<SpendingControls> forCardholder(UUID cardholderId, Tenant tenant) {
    return cardholders.get(cardholderId, tenant).then(cardholder -> Outcome.done(controls.find(ControlsOwner.CARDHOLDER, cardholderId)));
  }

  private Outcome<SpendingControls> save(ControlsOwner owner, UUID subjectId, SpendingControls valid, RequestContext context) {
    controls.save(owner, subjectId, context.mode(), valid, context.actorClientId(), clock.instant());
    events.updated(owner, subjectId, valid, context);
    return Outcome.done(valid);
  }
}
