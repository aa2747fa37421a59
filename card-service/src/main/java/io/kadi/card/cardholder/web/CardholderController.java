package io.kadi.card.cardholder.web;

import io.kadi.card.cardholder.application.CardholderService;
import io.kadi.card.cardholder.application.NewCardholder;
import io.kadi.card.cardholder.domain.Cardholder;
import io.kadi.card.cardholder.domain.KycStatus;
import io.kadi.card.outcome.web.Refusals;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/cardholders")
class CardholderController {

  private final CardholderService cardholders;

  CardholderController(CardholderService cardholders) {
    this.cardholders = cardholders;
  }

  record CreateCardholder(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Pattern(regexp = "\\+[1-9]\\d{6,14}", message = "must be an E.164 number, such as +2348012345678") String phoneNumber,
      @NotBlank @IsoCountry String country,
      @NotBlank @IanaTimeZone String timezone) {}

  enum KycDecision { verified, rejected }

  record DecideKyc(@NotNull KycDecision status, Integer tier, @NotBlank @Size(max = 100) String reference) {}

  record CardholderView(UUID id, String mode, String name, String email, String phoneNumber, String country,
      String timezone, String kycStatus, Integer kycTier, String kycReference, Instant createdAt) {

    static CardholderView of(Cardholder c) {
      return new CardholderView(c.id(), c.mode().wireName(), c.name(), c.email(), c.phoneNumber(), c.country(),
          c.timezone().getId(), c.kyc().status().name().toLowerCase(Locale.ROOT), c.kyc().tier(), c.kyc().reference(),
          c.createdAt());
    }
  }

  @RequiresScope(Scopes.CARDHOLDERS_WRITE)
  @PostMapping
  ResponseEntity<CardholderView> create(@Valid @RequestBody CreateCardholder request, RequestContext context) {
    Cardholder created = cardholders.create(new NewCardholder(request.name().strip(), request.email().strip(),
        request.phoneNumber(), request.country(), ZoneId.of(request.timezone())), context);
    return ResponseEntity.created(URI.create("/v1/cardholders/" + created.id())).body(CardholderView.of(created));
  }

  @RequiresScope(Scopes.CARDHOLDERS_READ)
  @GetMapping("/{cardholderId}")
  CardholderView get(@PathVariable UUID cardholderId, RequestContext context) {
    return CardholderView.of(Refusals.orThrow(cardholders.get(cardholderId, context.tenant())));
  }

  @RequiresScope(Scopes.KYC_WRITE)
  @PostMapping("/{cardholderId}/kyc")
  CardholderView decideKyc(@PathVariable UUID cardholderId, @Valid @RequestBody DecideKyc request, RequestContext context) {
    KycStatus status = KycStatus.valueOf(request.status().name().toUpperCase(Locale.ROOT));
    return CardholderView.of(Refusals.orThrow(
        cardholders.decideKyc(cardholderId, status, request.tier(), request.reference(), context)));
  }
}
