package io.kadi.card.issuing.domain;

import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.Refusal;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.kit.money.Money;
import java.time.Instant;
import java.util.UUID;

/** Funds loaded onto a card under the platform's reference, which is unique per card. */
public record Funding(UUID id, UUID cardId, Money amount, String reference, Instant createdAt) {

  public static final int MAX_REFERENCE_LENGTH = 100;

  /** A usable reference: 1 to 100 characters, not only spaces, without NUL. */
  public static Outcome<String> reference(String reference) {
    return reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE_LENGTH || !Refusal.storable(reference)
        ? Outcome.refused(RefusalCode.VALIDATION_FAILED, "The reference must be 1 to " + MAX_REFERENCE_LENGTH + " characters, without NUL.")
        : Outcome.done(reference);
  }
}
