package io.kadi.card.vault.application;

import io.kadi.card.issuing.application.CardService;
import io.kadi.card.issuing.domain.Card;
import io.kadi.card.issuing.domain.CardStatus;
import io.kadi.card.issuing.persistence.CardRepository;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.card.vault.crypto.EncryptedPan;
import io.kadi.card.vault.crypto.PanVault;
import io.kadi.card.vault.domain.Pan;
import io.kadi.kit.context.Tenant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Decrypts a card's PAN and derives its CVV2 for a client the API layer let through (scope {@code cards:reveal},
 * step-up, the sensitive rate limit), and for a card its tenant sees. A terminated card's details are not revealed:
 * nothing can be paid with them any more.
 */
@Service
public class CardReveal {

  private final CardService cards;
  private final CardRepository repository;
  private final PanVault vault;

  CardReveal(CardService cards, CardRepository repository, PanVault vault) {
    this.cards = cards;
    this.repository = repository;
    this.vault = vault;
  }

  public Outcome<SensitiveDetails> reveal(UUID cardId, Tenant tenant) {
    return cards.get(cardId, tenant).then(card -> card.status() == CardStatus.TERMINATED
        ? Outcome.refused(RefusalCode.INVALID_CARD_STATE, "Card " + cardId + " is terminated; its details are not revealed.")
        : Outcome.done(details(card)));
  }

  private SensitiveDetails details(Card card) {
    EncryptedPan stored = repository.encryptedPan(card.id()).orElseThrow();
    Pan pan = vault.decrypt(card.id(), stored.keyVersion(), stored.ciphertext(), card.bin().length());
    return new SensitiveDetails(card, pan, vault.cvv(pan, card.expiry()));
  }
}
