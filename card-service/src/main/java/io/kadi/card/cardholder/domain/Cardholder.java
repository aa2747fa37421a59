package io.kadi.card.cardholder.domain;

import io.kadi.kit.context.Mode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A person or business that holds cards, with contact details that stay inside card-service.
 *
 * @param programId the card program it belongs to, whose clients alone see it
 */
public record Cardholder(
    UUID id,
    Mode mode,
    UUID programId,
    String name,
    String email,
    String phoneNumber,
    String country,
    ZoneId timezone,
    Kyc kyc,
    Instant createdAt) {

  public Cardholder withKyc(Kyc next) {
    return new Cardholder(id, mode, programId, name, email, phoneNumber, country, timezone, next, createdAt);
  }
}
