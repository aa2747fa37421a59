package io.kadi.card.cardholder.application;

import io.kadi.card.cardholder.domain.Cardholder;
import io.kadi.card.cardholder.domain.Kyc;
import io.kadi.card.cardholder.domain.KycStatus;
import io.kadi.card.cardholder.persistence.CardholderRepository;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.kit.context.Ids;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.context.Tenant;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CardholderService {

  private final CardholderRepository cardholders;
  private final CardholderEvents events;
  private final Clock clock;

  CardholderService(CardholderRepository cardholders, CardholderEvents events, Clock clock) {
    this.cardholders = cardholders;
    this.events = events;
    this.clock = clock;
  }

  /** A cardholder of the caller's program: only an API client's request, which has one, creates cardholders. */
  @Transactional
  public Cardholder create(NewCardholder request, RequestContext context) {
    if (context.programId() == null) {
      throw new IllegalStateException("A cardholder is created by an API client, in its program; this work has none");
    }
    Cardholder cardholder = new Cardholder(Ids.newId(), context.mode(), context.programId(), request.name(),
        request.email(), request.phoneNumber(), request.country(), request.timezone(), Kyc.PENDING,
        clock.instant().truncatedTo(ChronoUnit.MICROS));
    cardholders.insert(cardholder, context.actorClientId());
    events.created(cardholder, context);
    return cardholder;
  }

  /**
   * Records a KYC decision (in sandbox, a rejection for the reference that simulates one: see
   * {@link Cardholder#kycAfter}). Repeating the current decision changes nothing and emits nothing.
   */
  @Transactional
  public Outcome<Cardholder> decideKyc(UUID id, KycStatus status, Integer tier, String reference, RequestContext context) {
    Optional<Cardholder> found = cardholders.findForUpdate(id, context.tenant());
    if (found.isEmpty()) {
      return notFound(id);
    }
    Cardholder cardholder = found.get();
    return cardholder.kycAfter(status, tier, reference).then(kyc -> {
      if (kyc.equals(cardholder.kyc())) {
        return Outcome.done(cardholder);
      }
      Cardholder decided = cardholder.withKyc(kyc);
      cardholders.updateKyc(decided, clock.instant());
      events.kycChanged(decided, cardholder.kyc(), context);
      return Outcome.done(decided);
    });
  }

  public Outcome<Cardholder> get(UUID id, Tenant tenant) {
    return cardholders.find(id, tenant).<Outcome<Cardholder>>map(Outcome::done).orElseGet(() -> notFound(id));
  }

  /** The cardholder, locked until the caller's transaction ends. */
  public Outcome<Cardholder> lock(UUID id, Tenant tenant) {
    return cardholders.findForUpdate(id, tenant).<Outcome<Cardholder>>map(Outcome::done).orElseGet(() -> notFound(id));
  }

  /**
   * The cardholder, share-locked until the caller's transaction ends, so that a KYC decision cannot change under an
   * issuance that relies on it.
   */
  public Optional<Cardholder> lockForIssuance(UUID id, Tenant tenant) {
    return cardholders.findForShare(id, tenant);
  }

  private static <T> Outcome<T> notFound(UUID id) {
    return Outcome.refused(RefusalCode.CARDHOLDER_NOT_FOUND, "No cardholder " + id + ".");
  }
}
