package io.kadi.card.cardholder.domain;

import io.kadi.kit.context.Mode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A person or business that holds cards, with contact details that stay inside card-service. */
public record Cardholder(
    UUID id,
    Mode mode,
    String name,
    String email,
    String phoneNumber,
    String country,
    ZoneId timezone,
    Kyc kyc,
    Instant createdAt) {

  public Cardholder withKyc(Kyc next) {
    return new Cardholder(id, mode, name, email, phoneNumber, country, timezone, next, createdAt);
  }
}
