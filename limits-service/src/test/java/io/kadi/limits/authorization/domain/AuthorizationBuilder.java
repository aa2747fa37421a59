package io.kadi.limits.authorization.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** Authorizations for domain tests: NGN 100.00 at a grocer in Nigeria, on 1 March 2025 at 10:00 in Lagos, unless told. */
final class AuthorizationBuilder {

  static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
  static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

  private UUID id = UUID.randomUUID();
  private UUID cardId = UUID.randomUUID();
  private UUID cardholderId = UUID.randomUUID();
  private long amount = 100_00;
  private String currency = "NGN";
  private String mcc = "5411";
  private String country = "NG";
  private Channel channel = Channel.POS;
  private Instant at = Instant.parse("2025-03-01T09:00:00Z");
  private ZoneId zone = LAGOS;

  static AuthorizationBuilder authorization() {
    return new AuthorizationBuilder();
  }

  AuthorizationBuilder card(UUID cardId, UUID cardholderId) {
    this.cardId = cardId;
    this.cardholderId = cardholderId;
    return this;
  }

  AuthorizationBuilder amount(long amount, String currency) {
    this.amount = amount;
    this.currency = currency;
    return this;
  }

  AuthorizationBuilder amount(long amount) {
    this.amount = amount;
    return this;
  }

  AuthorizationBuilder mcc(String mcc) {
    this.mcc = mcc;
    return this;
  }

  AuthorizationBuilder country(String country) {
    this.country = country;
    return this;
  }

  AuthorizationBuilder channel(Channel channel) {
    this.channel = channel;
    return this;
  }

  AuthorizationBuilder at(Instant at) {
    this.at = at;
    return this;
  }

  AuthorizationBuilder at(String instant) {
    return at(Instant.parse(instant));
  }

  AuthorizationBuilder zone(ZoneId zone) {
    this.zone = zone;
    return this;
  }

  Authorization build() {
    return new Authorization(id, cardId, cardholderId, amount, currency, mcc, country, channel, at, zone);
  }
}
