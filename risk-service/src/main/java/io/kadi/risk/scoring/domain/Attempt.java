package io.kadi.risk.scoring.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An authorization as card-service asked for it: what risk-service records in the card's history and scores.
 *
 * @param amount minor units of currency, positive
 * @param occurredAt when the authorization was asked for: "now" for every feature, so that scoring never depends on
 *     when the record happens to be read
 * @param declinedAtRequest card-service's reason when it declined at once; such an attempt is recorded (declined
 *     attempts are what card testing looks like) but not scored
 */
public record Attempt(
    UUID authorizationId,
    UUID cardId,
    UUID cardholderId,
    long amount,
    String currency,
    String mcc,
    String merchantCountry,
    Channel channel,
    Instant occurredAt,
    String cardholderCountry,
    ZoneId cardholderTimeZone,
    Optional<String> declinedAtRequest) {

  public Attempt {
    Objects.requireNonNull(authorizationId, "authorizationId");
    Objects.requireNonNull(cardId, "cardId");
    Objects.requireNonNull(cardholderId, "cardholderId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(mcc, "mcc");
    Objects.requireNonNull(merchantCountry, "merchantCountry");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(cardholderCountry, "cardholderCountry");
    Objects.requireNonNull(cardholderTimeZone, "cardholderTimeZone");
    Objects.requireNonNull(declinedAtRequest, "declinedAtRequest");
    if (amount <= 0) {
      throw new IllegalArgumentException("An authorization's amount is positive, not " + amount);
    }
  }

  /** Its status when first recorded: declined when card-service declined at once, otherwise pending. */
  public AttemptStatus initialStatus() {
    return declinedAtRequest.isPresent() ? AttemptStatus.DECLINED : AttemptStatus.PENDING;
  }
}
