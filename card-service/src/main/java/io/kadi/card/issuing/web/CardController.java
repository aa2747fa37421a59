package io.kadi.card.issuing.web;

import io.kadi.card.issuing.application.CardService;
import io.kadi.card.issuing.application.NewFunding;
import io.kadi.card.issuing.application.FundingResult;
import io.kadi.card.issuing.application.NewCard;
import io.kadi.card.issuing.domain.Card;
import io.kadi.card.issuing.domain.CardType;
import io.kadi.card.issuing.domain.LifecycleAction;
import io.kadi.card.outcome.web.Refusals;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import io.kadi.kit.security.Sensitive;
import io.kadi.kit.security.StepUp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Cards: amounts are integers in the currency's minor units (kobo for NGN; whole shillings for UGX). */
@RestController
@RequestMapping("/v1/cards")
class CardController {

  private final CardService cards;

  CardController(CardService cards) {
    this.cards = cards;
  }

  enum CardTypeName { virtual, physical }

  record IssueCardRequest(@NotNull UUID cardholderId, @NotNull CardTypeName type, @NotBlank String currency) {}

  /** Amount and currency are checked by the service, so that REST and Kafka refuse them with the same codes. */
  record FundingRequest(@NotNull Long amount, @NotBlank String currency, @NotBlank @Size(max = 100) String reference) {}

  record StatusChange(@Size(max = Card.MAX_REASON_LENGTH) String reason) {}

  record Balance(long available, long held) {}

  record CardView(UUID id, UUID cardholderId, String mode, String type, String status, String currency, String last4,
      int expMonth, int expYear, Balance balance, Instant createdAt) {

    static CardView of(Card card) {
      return new CardView(card.id(), card.cardholderId(), card.mode().wireName(), wire(card.type()), wire(card.status()),
          card.currency().code(), card.last4(), card.expiry().getMonthValue(), card.expiry().getYear(),
          new Balance(card.available(), card.held()), card.createdAt());
    }
  }

  record FundingView(UUID id, UUID cardId, long amount, String currency, String reference, Instant createdAt, Balance balance) {

    static FundingView of(FundingResult result) {
      return new FundingView(result.funding().id(), result.card().id(), result.funding().amount().minorUnits(),
          result.funding().amount().currency().code(), result.funding().reference(), result.funding().createdAt(),
          new Balance(result.card().available(), result.card().held()));
    }
  }

  @RequiresScope(Scopes.CARDS_ISSUE)
  @PostMapping
  ResponseEntity<CardView> issue(@Valid @RequestBody IssueCardRequest request, RequestContext context) {
    Card card = Refusals.orThrow(cards.issue(new NewCard(request.cardholderId(),
        CardType.valueOf(request.type().name().toUpperCase(Locale.ROOT)), request.currency()), context));
    return ResponseEntity.created(URI.create("/v1/cards/" + card.id())).body(CardView.of(card));
  }

  record BulkIssueRequest(@NotNull @Size(min = 1, max = CardService.MAX_BULK) List<@Valid @NotNull IssueCardRequest> cards) {}

  /** Up to 100 cards at once, all or none: privileged, since it is how a stolen key would mint cards fastest. */
  @StepUp
  @Sensitive
  @RequiresScope(Scopes.CARDS_ISSUE)
  @PostMapping("/bulk")
  ResponseEntity<Map<String, List<CardView>>> issueAll(@Valid @RequestBody BulkIssueRequest request, RequestContext context) {
    List<Card> issued = Refusals.orThrow(cards.issueAll(request.cards().stream()
        .map(card -> new NewCard(card.cardholderId(), CardType.valueOf(card.type().name().toUpperCase(Locale.ROOT)),
            card.currency()))
        .toList(), context));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", issued.stream().map(CardView::of).toList()));
  }

  @RequiresScope(Scopes.CARDS_READ)
  @GetMapping("/{cardId}")
  CardView get(@PathVariable UUID cardId, RequestContext context) {
    return CardView.of(Refusals.orThrow(cards.get(cardId, context.tenant())));
  }

  /** 201 for a new funding; 200 with the original funding when its reference was already used with the same amount. */
  @RequiresScope(Scopes.CARDS_FUND)
  @PostMapping("/{cardId}/fundings")
  ResponseEntity<FundingView> fund(@PathVariable UUID cardId, @Valid @RequestBody FundingRequest request, RequestContext context) {
    FundingResult result = Refusals.orThrow(
        cards.fund(cardId, new NewFunding(request.amount(), request.currency(), request.reference()), context));
    return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(FundingView.of(result));
  }

  @RequiresScope(Scopes.CARDS_FREEZE)
  @PostMapping("/{cardId}/freeze")
  CardView freeze(@PathVariable UUID cardId, @Valid @RequestBody(required = false) StatusChange change, RequestContext context) {
    return change(cardId, LifecycleAction.FREEZE, change, context);
  }

  @RequiresScope(Scopes.CARDS_FREEZE)
  @PostMapping("/{cardId}/unfreeze")
  CardView unfreeze(@PathVariable UUID cardId, RequestContext context) {
    return change(cardId, LifecycleAction.UNFREEZE, null, context);
  }

  @RequiresScope(Scopes.CARDS_TERMINATE)
  @PostMapping("/{cardId}/terminate")
  CardView terminate(@PathVariable UUID cardId, @Valid @RequestBody(required = false) StatusChange change, RequestContext context) {
    return change(cardId, LifecycleAction.TERMINATE, change, context);
  }

  private CardView change(UUID cardId, LifecycleAction action, StatusChange change, RequestContext context) {
    return CardView.of(Refusals.orThrow(cards.change(cardId, action, change == null ? null : change.reason(), context)));
  }

  private static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
