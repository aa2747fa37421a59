package io.kadi.card.vault.web;

import io.kadi.card.outcome.web.Refusals;
import io.kadi.card.vault.application.CardReveal;
import io.kadi.card.vault.application.SensitiveDetails;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import io.kadi.kit.security.Sensitive;
import io.kadi.kit.security.StepUp;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A card's full PAN and CVV2, for a client with the {@code cards:reveal} scope and a TOTP step-up, within the
 * sensitive rate limit. Every reveal is in the access log, and so in the audit log, with the card's id; the answer
 * is never cached, stored or logged.
 */
@RestController
class CardRevealController {

  private final CardReveal reveal;

  CardRevealController(CardReveal reveal) {
    this.reveal = reveal;
  }

  record SensitiveView(UUID id, String pan, String cvv, int expMonth, int expYear) {

    static SensitiveView of(SensitiveDetails details) {
      return new SensitiveView(details.card().id(), details.pan().reveal(), details.cvv(),
          details.card().expiry().getMonthValue(), details.card().expiry().getYear());
    }

    @Override
    public String toString() {
      return "SensitiveView[" + id + "]";
    }
  }

  @StepUp
  @Sensitive
  @RequiresScope(Scopes.CARDS_REVEAL)
  @GetMapping("/v1/cards/{cardId}/sensitive")
  ResponseEntity<SensitiveView> reveal(@PathVariable UUID cardId, RequestContext context) {
    SensitiveView view = SensitiveView.of(Refusals.orThrow(reveal.reveal(cardId, context.tenant())));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(view);
  }
}
