package io.kadi.card.iam.web;

import io.kadi.card.iam.application.ApiClientService;
import io.kadi.card.iam.application.NewKey;
import io.kadi.card.iam.domain.ApiClient;
import io.kadi.card.iam.domain.ClientRequest;
import io.kadi.card.outcome.web.Refusals;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.ApiCaller;
import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import io.kadi.kit.security.Sensitive;
import io.kadi.kit.security.StepUp;
import io.kadi.kit.security.totp.OtpAuthUri;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * API clients and their keys. A new key's secret is in the answer that made it, with {@code Cache-Control:
 * no-store}, and never again.
 */
@RestController
class ApiClientController {

  /** The overlap a rotation gives the previous keys when the request names none: a day. */
  static final long DEFAULT_EXPIRE_PREVIOUS_SECONDS = Duration.ofDays(1).toSeconds();

  private final ApiClientService clients;

  ApiClientController(ApiClientService clients) {
    this.clients = clients;
  }

  enum ModeName { sandbox, live }

  record CreateClientRequest(@NotBlank @Size(max = ClientRequest.MAX_NAME_LENGTH) String name, @NotNull ModeName mode,
      List<@NotBlank String> roles, List<@NotBlank String> scopes, List<@NotBlank String> allowedIps, UUID programId) {}

  record RotateRequest(Long expirePreviousInSeconds) {}

  record ProgramRequest(@NotBlank @Size(max = 100) String name, Map<String, Long> spendingLimitCeilings) {}

  record TotpConfirmation(@NotBlank String code) {}

  /** The otpauth URI of a new TOTP seed, to load into an authenticator app: shown once. */
  record TotpEnrolment(String otpauthUri) {
    @Override
    public String toString() {
      return "TotpEnrolment[redacted]";
    }
  }

  record KeyView(String id, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {}

  record ClientView(UUID id, UUID programId, String name, String mode, List<String> roles, List<String> scopes,
      List<String> allowedIps, String createdBy, Instant createdAt, Instant revokedAt, String totp, List<KeyView> keys) {

    static ClientView of(ApiClient client) {
      return new ClientView(client.id(), client.programId(), client.name(), client.mode().wireName(), client.roles(),
          client.scopes().stream().sorted().toList(), client.allowedIps(), client.createdBy(), client.createdAt(),
          client.revokedAt(), client.totp().name().toLowerCase(java.util.Locale.ROOT), client.keys().stream()
              .map(key -> new KeyView(key.id(), key.createdAt(), key.expiresAt(), key.revokedAt(), key.lastUsedAt())).toList());
    }
  }

  /** A client and a key just made: the only time the secret is shown. */
  record NewKeyView(ClientView client, String keyId, String secret) {

    static NewKeyView of(NewKey key) {
      return new NewKeyView(ClientView.of(key.client()), key.keyId(), key.secret());
    }

    @Override
    public String toString() {
      return "NewKeyView[" + keyId + "]";
    }
  }

  @StepUp
  @Sensitive
  @RequiresScope(Scopes.KEYS_WRITE)
  @PostMapping("/v1/api_clients")
  ResponseEntity<NewKeyView> create(@Valid @RequestBody CreateClientRequest request, ApiCaller caller) {
    NewKey key = Refusals.orThrow(clients.create(new ClientRequest(request.name(),
        Mode.fromWireName(request.mode().name()), orEmpty(request.roles()), orEmpty(request.scopes()),
        orEmpty(request.allowedIps()), request.programId()), caller));
    return ResponseEntity.created(URI.create("/v1/api_clients/" + key.client().id()))
        .cacheControl(CacheControl.noStore()).body(NewKeyView.of(key));
  }

  @RequiresScope(Scopes.KEYS_READ)
  @GetMapping("/v1/api_clients")
  Map<String, List<ClientView>> list(ApiCaller caller) {
    return Map.of("data", clients.list(caller).stream().map(ClientView::of).toList());
  }

  @RequiresScope(Scopes.KEYS_READ)
  @GetMapping("/v1/api_clients/{apiClientId}")
  ClientView get(@PathVariable UUID apiClientId, ApiCaller caller) {
    return ClientView.of(Refusals.orThrow(clients.get(apiClientId, caller)));
  }

  @StepUp
  @Sensitive
  @RequiresScope(Scopes.KEYS_WRITE)
  @PostMapping("/v1/api_clients/{apiClientId}/rotate")
  ResponseEntity<NewKeyView> rotate(@PathVariable UUID apiClientId, @RequestBody(required = false) RotateRequest request,
      ApiCaller caller) {
    long seconds = request == null || request.expirePreviousInSeconds() == null
        ? DEFAULT_EXPIRE_PREVIOUS_SECONDS : request.expirePreviousInSeconds();
    NewKey key = Refusals.orThrow(clients.rotate(apiClientId, Duration.ofSeconds(seconds), caller));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(NewKeyView.of(key));
  }

  @StepUp
  @Sensitive
  @RequiresScope(Scopes.KEYS_WRITE)
  @PostMapping("/v1/api_clients/{apiClientId}/revoke")
  ClientView revoke(@PathVariable UUID apiClientId, ApiCaller caller) {
    return ClientView.of(Refusals.orThrow(clients.revoke(apiClientId, caller)));
  }

  /** The caller's own step-up protects a new seed, once the caller has one: a stolen key alone cannot replace it. */
  @StepUp(unlessNotEnrolled = true)
  @Sensitive
  @RequiresScope(Scopes.KEYS_WRITE)
  @PostMapping("/v1/api_clients/{apiClientId}/totp")
  ResponseEntity<TotpEnrolment> enrolTotp(@PathVariable UUID apiClientId, ApiCaller caller) {
    OtpAuthUri uri = Refusals.orThrow(clients.enrolTotp(apiClientId, caller));
    return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(new TotpEnrolment(uri.toUriString()));
  }

  @Sensitive
  @RequiresScope(Scopes.KEYS_WRITE)
  @PostMapping("/v1/api_clients/{apiClientId}/totp/confirm")
  ClientView confirmTotp(@PathVariable UUID apiClientId, @Valid @RequestBody TotpConfirmation confirmation, ApiCaller caller) {
    return ClientView.of(Refusals.orThrow(clients.confirmTotp(apiClientId, confirmation.code(), caller)));
  }

  @StepUp
  @Sensitive
  @RequiresScope(Scopes.PROGRAMS_WRITE)
  @PostMapping("/v1/programs")
  ResponseEntity<Map<String, Object>> createProgram(@Valid @RequestBody ProgramRequest request) {
    Map<String, Long> ceilings = request.spendingLimitCeilings() == null ? Map.of() : request.spendingLimitCeilings();
    UUID id = Refusals.orThrow(clients.createProgram(request.name(), ceilings));
    return ResponseEntity.created(URI.create("/v1/programs/" + id))
        .body(Map.of("id", id, "name", request.name(), "spending_limit_ceilings", ceilings));
  }

  /** Above its ceiling in a currency, setting a spending limit needs a step-up (SpendingControlsService). */
  @StepUp
  @Sensitive
  @RequiresScope(Scopes.PROGRAMS_WRITE)
  @PutMapping("/v1/programs/{programId}/spending_limit_ceilings")
  Map<String, Long> setCeilings(@PathVariable UUID programId, @RequestBody Map<String, Long> ceilings) {
    return Refusals.orThrow(clients.setCeilings(programId, ceilings));
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }
}
