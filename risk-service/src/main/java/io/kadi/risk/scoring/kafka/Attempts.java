package io.kadi.risk.scoring.kafka;

import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.risk.scoring.domain.Attempt;
import io.kadi.risk.scoring.domain.Channel;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** Maps AuthorizationRequested to the domain's attempt, refusing what cannot be scored. */
final class Attempts {

  private Attempts() {}

  /**
   * The request as an attempt.
   *
   * @throws UnprocessableRecordException for a request no retry can make scorable (a time zone that does not exist,
   *     an amount that is not positive): it goes to the dead-letter topic, and card-service times out on it
   */
  static Attempt of(AuthorizationRequested request) {
    try {
      return new Attempt(request.getAuthorizationId(), request.getCardId(), request.getCardholderId(), request.getAmount(),
          request.getCurrency(), request.getMerchant().getMcc(), request.getMerchant().getCountry(), channel(request),
          request.getMetadata().getOccurredAt(), request.getCardholderCountry(), ZoneId.of(request.getCardholderTimeZone()),
          Optional.ofNullable(request.getDeclinedAtRequest()));
    } catch (DateTimeException e) {
      throw new UnprocessableRecordException("Cannot score authorization %s: its cardholder time zone '%s' is not an IANA time zone"
          .formatted(request.getAuthorizationId(), request.getCardholderTimeZone()));
    } catch (IllegalArgumentException e) {
      throw new UnprocessableRecordException("Cannot score authorization %s: %s".formatted(request.getAuthorizationId(), e.getMessage()));
    }
  }

  private static Channel channel(AuthorizationRequested request) {
    return switch (request.getChannel()) {
      case ecommerce -> Channel.ECOMMERCE;
      case pos -> Channel.POS;
      case atm -> Channel.ATM;
    };
  }
}
