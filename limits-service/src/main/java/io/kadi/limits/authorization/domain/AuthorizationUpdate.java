package io.kadi.limits.authorization.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** What card-service did with an authorization after limits checked it, and what that does to its reservation. */
public sealed interface AuthorizationUpdate {

  UUID authorizationId();

  UUID cardId();

  UUID cardholderId();

  /** Minor units of currency: asked for (decision), captured (capture) or released (reversal). */
  long amount();

  String currency();

  /** When it happened. */
  Instant at();

  /** The status a reservation moves to, from each status this update applies to; other statuses stay as they are. */
  Map<ReservationStatus, ReservationStatus> transitions();

  /** The amount a reservation this update applies to counts afterwards, when the update changes it. */
  default OptionalLong newAmount() {
    return OptionalLong.empty();
  }

  /**
   * What to keep when limits holds no reservation for the authorization: a counted reservation when money may move
   * without one (card-service's stand-in approval does not wait for limits), or nothing.
   */
  Optional<ReservationStatus> whenUnknown();

  default ReservationStatus next(ReservationStatus status) {
    return transitions().getOrDefault(status, status);
  }

  /** The reservation to keep when limits holds none for the authorization, if any. */
  default Optional<Reservation> unknownReservation() {
    return whenUnknown().map(status -> new Reservation(authorizationId(), cardId(), cardholderId(), amount(), currency(),
        null, at(), status));
  }

  /** card-service approved (the reservation is committed) or declined it (released). */
  record Decided(UUID authorizationId, UUID cardId, UUID cardholderId, long amount, String currency, Instant at,
      boolean approved) implements AuthorizationUpdate {

    public Decided {
      requireFacts(authorizationId, cardId, cardholderId, currency, at);
    }

    @Override
    public Map<ReservationStatus, ReservationStatus> transitions() {
      ReservationStatus to = approved ? ReservationStatus.COMMITTED : ReservationStatus.RELEASED;
      return moving(to, ReservationStatus.RESERVED, ReservationStatus.DECLINED);
    }

    @Override
    public Optional<ReservationStatus> whenUnknown() {
      return approved ? Optional.of(ReservationStatus.COMMITTED) : Optional.empty();
    }
  }

  /** The authorization was captured: its reservation counts the captured amount from now on. */
  record Captured(UUID authorizationId, UUID cardId, UUID cardholderId, long amount, String currency, Instant at)
      implements AuthorizationUpdate {

    public Captured {
      requireFacts(authorizationId, cardId, cardholderId, currency, at);
    }

    @Override
    public Map<ReservationStatus, ReservationStatus> transitions() {
      return moving(ReservationStatus.CAPTURED, ReservationStatus.RESERVED, ReservationStatus.DECLINED,
          ReservationStatus.COMMITTED, ReservationStatus.CAPTURED);
    }

    @Override
    public OptionalLong newAmount() {
      return OptionalLong.of(amount);
    }

    @Override
    public Optional<ReservationStatus> whenUnknown() {
      return Optional.of(ReservationStatus.CAPTURED);
    }
  }

  /** The approved authorization was reversed: its reservation is released. */
  record Reversed(UUID authorizationId, UUID cardId, UUID cardholderId, long amount, String currency, Instant at)
      implements AuthorizationUpdate {

    public Reversed {
      requireFacts(authorizationId, cardId, cardholderId, currency, at);
    }

    @Override
    public Map<ReservationStatus, ReservationStatus> transitions() {
      return moving(ReservationStatus.RELEASED, ReservationStatus.RESERVED, ReservationStatus.DECLINED,
          ReservationStatus.COMMITTED);
    }

    @Override
    public Optional<ReservationStatus> whenUnknown() {
      return Optional.empty();
    }
  }

  private static Map<ReservationStatus, ReservationStatus> moving(ReservationStatus to, ReservationStatus... from) {
    Map<ReservationStatus, ReservationStatus> transitions = new EnumMap<>(ReservationStatus.class);
    for (ReservationStatus status : from) {
      transitions.put(status, to);
    }
    return transitions;
  }

  private static void requireFacts(UUID authorizationId, UUID cardId, UUID cardholderId, String currency, Instant at) {
    Objects.requireNonNull(authorizationId, "authorizationId");
    Objects.requireNonNull(cardId, "cardId");
    Objects.requireNonNull(cardholderId, "cardholderId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(at, "at");
  }
}
