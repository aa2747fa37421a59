package io.kadi.card.authorization.web;

import io.kadi.card.authorization.application.AuthorizationService;
import io.kadi.card.authorization.application.Authorizer;
import io.kadi.card.authorization.application.NewAuthorization;
import io.kadi.card.authorization.domain.Authorization;
import io.kadi.card.controls.domain.Channel;
import io.kadi.card.outcome.web.Refusals;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Authorizations, for the processor. A request is answered 200 whether approved or declined; the answer comes when
 * limits and risk are both in, or at the budget with the stand-in decision, and the request holds no thread meanwhile.
 */
@RestController
@RequestMapping("/v1/authorizations")
class AuthorizationController {

  private final Authorizer authorizer;
  private final AuthorizationService authorizations;

  AuthorizationController(Authorizer authorizer, AuthorizationService authorizations) {
    this.authorizer = authorizer;
    this.authorizations = authorizations;
  }

  enum ChannelName { ecommerce, pos, atm }

  record MerchantBody(String name, String mcc, String country, String city) {}

  record AuthorizationRequest(@NotNull UUID cardId, @NotNull Long amount, @NotNull String currency,
      @NotNull @Valid MerchantBody merchant, @NotNull ChannelName channel) {}

  record CaptureRequest(@NotNull Long amount) {}

  record AuthorizationView(UUID id, UUID cardId, String status, boolean approved, String declineReason, Integer riskScore,
      boolean standIn, long amount, String currency, long heldAmount, long capturedAmount, MerchantBody merchant,
      String channel, Instant createdAt, Instant decidedAt) {

    static AuthorizationView of(Authorization a) {
      boolean approved = switch (a.status()) {
        case APPROVED, CAPTURED, REVERSED -> true;
        case PENDING, DECLINED -> false;
      };
      return new AuthorizationView(a.id(), a.cardId(), wire(a.status()), approved,
          a.declineReason() == null ? null : a.declineReason().code(), a.risk() == null ? null : a.risk().score(),
          a.standIn(), a.amount().minorUnits(), a.amount().currency().code(), a.held(), a.captured(),
          new MerchantBody(a.merchant().name(), a.merchant().mcc(), a.merchant().country(), a.merchant().city()),
          wire(a.channel()), a.createdAt(), a.decidedAt());
    }
  }

  @RequiresScope(Scopes.AUTHORIZATIONS_WRITE)
  @PostMapping
  CompletableFuture<AuthorizationView> authorize(@Valid @RequestBody AuthorizationRequest request, RequestContext context) {
    MerchantBody merchant = request.merchant();
    NewAuthorization authorization = new NewAuthorization(request.cardId(), request.amount(), request.currency(),
        merchant.name(), merchant.mcc(), merchant.country(), merchant.city(),
        Channel.valueOf(request.channel().name().toUpperCase(Locale.ROOT)));
    return Refusals.orThrow(authorizer.authorize(authorization, context)).thenApply(AuthorizationView::of);
  }

  @RequiresScope(Scopes.AUTHORIZATIONS_READ)
  @GetMapping("/{authorizationId}")
  AuthorizationView get(@PathVariable UUID authorizationId, RequestContext context) {
    return AuthorizationView.of(Refusals.orThrow(authorizations.get(authorizationId, context.tenant())));
  }

  /** Captures up to the amount approved; the rest of the hold is released. */
  @RequiresScope(Scopes.AUTHORIZATIONS_WRITE)
  @PostMapping("/{authorizationId}/capture")
  AuthorizationView capture(@PathVariable UUID authorizationId, @Valid @RequestBody CaptureRequest request,
      RequestContext context) {
    return AuthorizationView.of(Refusals.orThrow(authorizations.capture(authorizationId, request.amount(), context)));
  }

  @RequiresScope(Scopes.AUTHORIZATIONS_WRITE)
  @PostMapping("/{authorizationId}/reverse")
  AuthorizationView reverse(@PathVariable UUID authorizationId, RequestContext context) {
    return AuthorizationView.of(Refusals.orThrow(authorizations.reverse(authorizationId, context)));
  }

  private static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
