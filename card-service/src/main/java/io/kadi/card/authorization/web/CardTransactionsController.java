package io.kadi.card.authorization.web;

import io.kadi.card.authorization.persistence.TransactionRepository;
import io.kadi.card.authorization.persistence.TransactionRepository.Line;
import io.kadi.card.issuing.application.CardService;
import io.kadi.card.outcome.web.Refusals;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A card's fundings and authorizations, newest first, a page at a time. */
@RestController
class CardTransactionsController {

  static final int MAX_LIMIT = 100;

  private final CardService cards;
  private final TransactionRepository transactions;

  CardTransactionsController(CardService cards, TransactionRepository transactions) {
    this.cards = cards;
    this.transactions = transactions;
  }

  /** {@code has_more} tells whether a next page exists: ask for it with the last line's id as {@code starting_after}. */
  record Page(List<Line> data, boolean hasMore) {}

  @RequiresScope(Scopes.AUTHORIZATIONS_READ)
  @GetMapping("/v1/cards/{cardId}/transactions")
  Page list(@PathVariable UUID cardId,
      @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_LIMIT) int limit,
      @RequestParam(name = "starting_after", required = false) UUID startingAfter,
      RequestContext context) {
    Refusals.orThrow(cards.get(cardId, context.tenant()));
    List<Line> lines = transactions.page(cardId, startingAfter, limit + 1);
    return new Page(lines.subList(0, Math.min(limit, lines.size())), lines.size() > limit);
  }
}
