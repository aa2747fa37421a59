package io.kadi.card.issuing.application;

import io.kadi.card.outcome.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import io.kadi.card.cardholder.application.CardholderService;
import io.kadi.card.cardholder.domain.Cardholder;
import io.kadi.card.issuing.domain.Amounts;
import io.kadi.card.issuing.domain.Card;
import io.kadi.card.issuing.domain.CardType;
import io.kadi.card.issuing.domain.Funding;
import io.kadi.card.issuing.domain.LifecycleAction;
import io.kadi.card.issuing.persistence.CardRepository;
import io.kadi.card.issuing.persistence.FundingRepository;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.card.vault.crypto.EncryptedPan;
import io.kadi.card.vault.crypto.PanVault;
import io.kadi.card.vault.domain.Pan;
import io.kadi.card.vault.domain.PanGenerator;
import io.kadi.kit.context.Ids;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.context.Tenant;
import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a card locks its row, then writes the change and its event in one transaction. A refused request
 * writes nothing.
 */
@Service
public class CardService {

  private final CardRepository cards;
  private final FundingRepository fundings;
  private final CardholderService cardholders;
  private final PanGenerator pans;
  private final PanVault vault;
  private final CardEvents events;
  private final CardProperties properties;
  private final Clock clock;

  CardService(CardRepository cards, FundingRepository fundings, CardholderService cardholders, PanGenerator pans,
      PanVault vault, CardEvents events, CardProperties properties, Clock clock) {
    this.cards = cards;
    this.fundings = fundings;
    this.cardholders = cardholders;
    this.pans = pans;
    this.vault = vault;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Issues a card to a cardholder whose KYC is verified, in the cardholder's program: a command over Kafka names no
   * program, and a client's request may only name a cardholder of its own.
   */
  @Transactional
  public Outcome<Card> issue(NewCard request, RequestContext context) {
    return Amounts.currency(request.currency())
        .then(currency -> verifiedCardholder(request.cardholderId(), context.tenant())
            .then(cardholder -> Outcome.done(issue(cardholder, request.type(), currency, context))));
  }

  /** How many cards one bulk issuance may ask for. */
  public static final int MAX_BULK = 100;

  /**
   * Issues every card asked for, or none: the first refusal rolls the whole transaction back (no card, no event) and
   * names the request by its position.
   */
  @Transactional
  public Outcome<List<Card>> issueAll(List<NewCard> requests, RequestContext context) {
    List<Card> issued = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      switch (issue(requests.get(i), context)) {
        case Outcome.Done<Card>(Card card) -> issued.add(card);
        case Outcome.Refused<Card>(Refusal refusal) -> {
          TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
          return Outcome.refused(refusal.code(), "cards[" + i + "]: " + refusal.detail() + " No card was issued.");
        }
      }
    }
    return Outcome.done(issued);
  }

  private Outcome<Cardholder> verifiedCardholder(UUID cardholderId, Tenant tenant) {
    Optional<Cardholder> holder = cardholders.lockForIssuance(cardholderId, tenant);
    if (holder.isEmpty()) {
      return Outcome.refused(RefusalCode.CARDHOLDER_NOT_FOUND, "No cardholder " + cardholderId + ".");
    }
    if (!holder.get().kyc().verified()) {
      return Outcome.refused(RefusalCode.KYC_NOT_VERIFIED, "Cardholder " + cardholderId + " has KYC status "
          + holder.get().kyc().status().name().toLowerCase(Locale.ROOT) + "; cards are issued only once it is verified.");
    }
    return Outcome.done(holder.get());
  }

  private Card issue(Cardholder cardholder, CardType type, IsoCurrency currency, RequestContext context) {
    UUID id = Ids.newId();
    Instant now = now();
    Pan pan;
    EncryptedPan encrypted;
    do {
      pan = pans.next();
      encrypted = vault.encrypt(id, pan);
    } while (cards.fingerprintTaken(encrypted.fingerprint()));
    Card card = Card.issue(id, cardholder.id(), cardholder.mode(), cardholder.programId(), type, currency, pan.bin(),
        pan.last4(), YearMonth.from(now.atZone(clock.getZone())).plus(properties.validity()), now);
    cards.insert(card, encrypted, context.actorClientId());
    events.issued(card, context);
    return card;
  }

  /**
   * Loads funds. The reference makes it idempotent: the same reference with the same amount returns the first
   * funding unchanged; with another amount or currency it is refused.
   */
  @Transactional
  public Outcome<FundingResult> fund(UUID cardId, NewFunding request, RequestContext context) {
    return Amounts.money(request.amount(), request.currency())
        .then(amount -> Funding.reference(request.reference())
            .then(reference -> fund(cardId, amount, reference, context)));
  }

  private Outcome<FundingResult> fund(UUID cardId, Money amount, String reference, RequestContext context) {
    Optional<Card> locked = cards.findForUpdate(cardId, context.tenant());
    if (locked.isEmpty()) {
      return notFound(cardId);
    }
    Card card = locked.get();
    Optional<Funding> earlier = fundings.find(cardId, reference);
    if (earlier.isPresent()) {
      return earlier.get().amount().equals(amount)
          ? Outcome.done(new FundingResult(earlier.get(), card, true))
          : Outcome.refused(RefusalCode.REFERENCE_REUSED, "Reference '" + reference + "' already funded this card with "
              + earlier.get().amount() + "; a funding's reference must be unique per card.");
    }
    return card.fund(amount).then(funded -> {
      Funding funding = new Funding(Ids.newId(), cardId, amount, reference, now());
      fundings.insert(funding, context.actorClientId());
      cards.updateBalance(funded, funding.createdAt());
      events.funded(funded, funding, context);
      return Outcome.done(new FundingResult(funding, funded, false));
    });
  }

  /** Freezes, unfreezes or terminates a card, as its status allows. */
  @Transactional
  public Outcome<Card> change(UUID cardId, LifecycleAction action, String reason, RequestContext context) {
    return Card.reason(reason).then(checked -> {
      Optional<Card> locked = cards.findForUpdate(cardId, context.tenant());
      if (locked.isEmpty()) {
        return notFound(cardId);
      }
      return locked.get().apply(action).then(changed -> {
        cards.updateStatus(changed, now());
        events.changed(changed, action, checked, context);
        return Outcome.done(changed);
      });
    });
  }

  /** The card, locked until the caller's transaction ends: changes that concern a card serialize on it. */
  public Outcome<Card> lock(UUID cardId, Tenant tenant) {
    return cards.findForUpdate(cardId, tenant).<Outcome<Card>>map(Outcome::done).orElseGet(() -> notFound(cardId));
  }

  /** Saves a balance the caller changed on a card it locked. */
  public void saveBalance(Card card, Instant at) {
    cards.updateBalance(card, at);
  }

  public Outcome<Card> get(UUID cardId, Tenant tenant) {
    return cards.find(cardId, tenant).<Outcome<Card>>map(Outcome::done).orElseGet(() -> notFound(cardId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static <T> Outcome<T> notFound(UUID cardId) {
    return Outcome.refused(RefusalCode.CARD_NOT_FOUND, "No card " + cardId + ".");
  }
}
