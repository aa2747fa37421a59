package io.kadi.card.vault.application;

import io.kadi.card.issuing.domain.Card;
import io.kadi.card.vault.domain.Pan;

/** A card with its full PAN and CVV2: only ever in the reveal endpoint's answer. */
public record SensitiveDetails(Card card, Pan pan, String cvv) {

  @Override
  public String toString() {
    return "SensitiveDetails[" + card.id() + ", " + pan + "]";
  }
}
