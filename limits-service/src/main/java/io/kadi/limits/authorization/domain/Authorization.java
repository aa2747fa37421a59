package io.kadi.limits.authorization.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * An authorization as limits see it: what is asked, where, and when.
 *
 * @param amount minor units of currency, positive
 * @param mcc the merchant category code
 * @param merchantCountry ISO 3166-1 alpha-2
 * @param at when it was requested; calendar windows are those containing this instant, so evaluating it again gives
 *     the same answer whatever the clock says
 * @param zone the cardholder's time zone, in which days, weeks, months and years begin
 */
public record Authorization(UUID id, UUID cardId, UUID cardholderId, long amount, String currency, String mcc,
    String merchantCountry, Channel channel, Instant at, ZoneId zone) {

  public Authorization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cardId, "cardId");
    Objects.requireNonNull(cardholderId, "cardholderId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(mcc, "mcc");
    Objects.requireNonNull(merchantCountry, "merchantCountry");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
    if (amount <= 0) {
      throw new IllegalArgumentException("An authorization asks for a positive amount, not " + amount);
    }
  }
}
