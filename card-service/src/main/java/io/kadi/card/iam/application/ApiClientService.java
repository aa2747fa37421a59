package io.kadi.card.iam.application;

import io.kadi.card.iam.domain.ApiClient;
import io.kadi.card.iam.domain.ClientRequest;
import io.kadi.card.iam.persistence.ApiClientRepository;
import io.kadi.card.iam.persistence.ProgramCeilings;
import io.kadi.kit.money.IsoCurrency;
import java.util.Map;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.kit.context.Ids;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.ApiCaller;
import io.kadi.kit.security.ApiKey;
import io.kadi.kit.security.ApiKeys;
import io.kadi.kit.security.Role;
import io.kadi.kit.security.Scopes;
import io.kadi.kit.security.SecretCipher;
import io.kadi.kit.security.totp.OtpAuthUri;
import io.kadi.kit.security.totp.TotpSecret;
import io.kadi.kit.security.totp.TotpVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates, rotates and revokes API clients. A caller manages the clients of its own program and mode (an operator,
 * with {@code programs:write}, those of every program of its mode). Every change that ends keys drops them from this
 * instance's cache once committed; other instances stop accepting them within the cache's time to live.
 */
@Service
public class ApiClientService {

  /** How long a rotated-out key may keep working, at most. */
  public static final Duration MAX_ROTATION_OVERLAP = Duration.ofDays(7);
  public static final int MAX_LISTED = 100;
  static final String TOTP_ISSUER = "Kadi";

  private final ApiClientRepository clients;
  private final ProgramCeilings programCeilings;
  private final ApiKeys keys;
  private final SecretCipher cipher;
  private final IamProperties properties;
  private final Clock clock;

  public ApiClientService(ApiClientRepository clients, ProgramCeilings programCeilings, ApiKeys keys, SecretCipher cipher,
      IamProperties properties, Clock clock) {
    this.clients = clients;
    this.programCeilings = programCeilings;
    this.keys = keys;
    this.cipher = cipher;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public Outcome<NewKey> create(ClientRequest request, ApiCaller caller) {
    return switch (request.check(caller.mode(), caller.programId(), caller.scopes(), properties.requireLiveAllowlist())) {
      case ClientRequest.Checked.Refused(ClientRequest.Refusal refusal) -> refused(refusal);
      case ClientRequest.Checked.Allowed(Set<String> scopes, List<String> ips) -> {
        UUID program = request.programId() == null ? caller.programId() : request.programId();
        if (!clients.programExists(program)) {
          yield Outcome.refused(RefusalCode.PROGRAM_NOT_FOUND, "No program " + program + ".");
        }
        yield Outcome.done(create(program, request.name(), request.mode(), request.roles(), scopes, ips,
            caller.clientId().toString()));
      }
    };
  }

  /**
   * The first client of an empty deployment: an operator in the given program, made by nobody. A sandbox operator
   * gets a confirmed TOTP seed too, returned for the local tools to step up with; a live one enrols its own, from an
   * authenticator app, before its first privileged operation.
   */
  @Transactional
  public Optional<Bootstrapped> bootstrap(UUID program, String programName, Mode mode, List<String> allowedIps) {
    // One instance at a time, and only into a deployment with no client of the mode: restarting never brings back an
    // operator that was revoked, and a lost credentials file is not a way in.
    if (!clients.noClientOfModeLocked(mode)) {
      return Optional.empty();
    }
    clients.insertProgram(program, programName, now());
    NewKey key = create(program, "bootstrap operator", mode, List.of(Role.OPERATOR.wireName()), Role.OPERATOR.scopes(),
        allowedIps, "bootstrap");
    if (mode == Mode.LIVE) {
      return Optional.of(new Bootstrapped(key, null));
    }
    TotpSecret seed = TotpSecret.generate();
    clients.enrolTotp(key.client().id(), cipher.seal(ApiKey.totpOwner(key.client().id()), seed.bytes()));
    clients.confirmTotp(key.client().id(), now());
    return Optional.of(new Bootstrapped(key, seed));
  }

  /** The bootstrapped operator's key, and its TOTP seed (sandbox only; null otherwise). */
  public record Bootstrapped(NewKey key, TotpSecret totp) {}

  @Transactional
  public Outcome<UUID> createProgram(String name, Map<String, Long> ceilings) {
    UUID id = Ids.newId();
    return validCeilings(ceilings).then(valid -> {
      clients.insertProgram(id, name, now());
      programCeilings.set(id, valid);
      return Outcome.done(id);
    });
  }

  /**
   * Replaces the program's spending-limit ceilings: per currency, the largest limit its clients set without a step-up.
   */
  @Transactional
  public Outcome<Map<String, Long>> setCeilings(UUID program, Map<String, Long> ceilings) {
    return validCeilings(ceilings).then(valid -> programCeilings.set(program, valid) ? Outcome.done(valid)
        : Outcome.refused(RefusalCode.PROGRAM_NOT_FOUND, "No program " + program + "."));
  }

  private static Outcome<Map<String, Long>> validCeilings(Map<String, Long> ceilings) {
    List<String> invalid = ceilings.entrySet().stream()
        .filter(ceiling -> IsoCurrency.of(ceiling.getKey()).isEmpty() || ceiling.getValue() == null || ceiling.getValue() < 1)
        .map(Map.Entry::getKey).toList();
    return invalid.isEmpty() ? Outcome.done(Map.copyOf(ceilings)) : Outcome.refused(RefusalCode.VALIDATION_FAILED,
        "spending_limit_ceilings takes currencies Kadi issues in, each with a positive amount in minor units: not "
            + String.join(", ", invalid) + ".");
  }

  public Outcome<ApiClient> get(UUID id, ApiCaller caller) {
    return clients.find(id, caller.mode(), visibleProgram(caller)).<Outcome<ApiClient>>map(Outcome::done)
        .orElseGet(() -> notFound(id));
  }

  public List<ApiClient> list(ApiCaller caller) {
    return clients.list(caller.mode(), visibleProgram(caller), MAX_LISTED);
  }

  /**
   * A new key for the client. Its keys until now keep working for {@code expirePrevious} (0 ends them at once; at
   * most {@link #MAX_ROTATION_OVERLAP}), or until their own earlier expiry.
   */
  @Transactional
  public Outcome<NewKey> rotate(UUID id, Duration expirePrevious, ApiCaller caller) {
    if (expirePrevious.isNegative() || expirePrevious.compareTo(MAX_ROTATION_OVERLAP) > 0) {
      return Outcome.refused(RefusalCode.VALIDATION_FAILED,
          "expire_previous_in_seconds must be 0 to " + MAX_ROTATION_OVERLAP.toSeconds() + " (7 days).");
    }
    return lockActive(id, caller).then(client -> {
      Instant at = now();
      forgetAfterCommit(clients.expireKeys(id, at.plus(expirePrevious)));
      return Outcome.done(withNewKey(client.id(), client.mode(), at));
    });
  }

  /** Ends the client and all its keys at once. */
  @Transactional
  public Outcome<ApiClient> revoke(UUID id, ApiCaller caller) {
    return lockActive(id, caller).then(client -> {
      forgetAfterCommit(clients.revoke(id, now()));
      return Outcome.done(clients.find(id, client.mode(), null).orElseThrow());
    });
  }

  /**
   * A new TOTP seed for the caller's own step-up: the seed is for the person who holds the client's key, so no other
   * client may enrol it or see it. It is pending, and the seed the client had stays in force, until {@link
   * #confirmTotp} checks a code from it. Returns the otpauth URI to load into an authenticator app: the only time the
   * seed is shown.
   */
  @Transactional
  public Outcome<OtpAuthUri> enrolTotp(UUID id, ApiCaller caller) {
    if (!id.equals(caller.clientId())) {
      return Outcome.refused(RefusalCode.TOTP_SELF_ONLY, "A client enrols its own TOTP only: its seed is for whoever holds "
          + "its key.");
    }
    return lockActive(id, caller).then(client -> {
      TotpSecret seed = TotpSecret.generate();
      clients.enrolTotp(id, cipher.seal(ApiKey.totpOwner(id), seed.bytes()));
      forgetAfterCommit(clients.keyIds(id));
      return Outcome.done(new OtpAuthUri(TOTP_ISSUER, client.name().replace(':', ' ') + " (" + client.mode().wireName() + ")", seed));
    });
  }

  @Transactional
  public Outcome<ApiClient> confirmTotp(UUID id, String code, ApiCaller caller) {
    if (!id.equals(caller.clientId())) {
      return Outcome.refused(RefusalCode.TOTP_SELF_ONLY, "A client confirms its own TOTP only.");
    }
    return lockActive(id, caller).then(client -> {
      Optional<SecretCipher.Sealed> pending = clients.pendingTotpSeed(id);
      if (pending.isEmpty()) {
        return Outcome.<ApiClient>refused(RefusalCode.TOTP_NOT_PENDING, "API client " + id + " has no TOTP waiting for "
            + "confirmation: enrol one first (POST /v1/api_clients/" + id + "/totp).");
      }
      SecretCipher.Sealed sealed = pending.get();
      TotpSecret seed = TotpSecret.of(cipher.open(ApiKey.totpOwner(id), sealed.keyVersion(), sealed.ciphertext()));
      if (new TotpVerifier().verify(seed, code, clock.instant(), TotpVerifier.NO_STEP_ACCEPTED).isEmpty()) {
        return Outcome.<ApiClient>refused(RefusalCode.INVALID_TOTP, "The code is not the one the app shows now. Check the "
            + "device's clock, and that the URI was loaded into the app.");
      }
      clients.confirmTotp(id, now());
      forgetAfterCommit(clients.keyIds(id));
      return Outcome.done(clients.find(id, client.mode(), null).orElseThrow());
    });
  }

  private NewKey create(UUID program, String name, Mode mode, List<String> roles, Set<String> scopes, List<String> ips,
      String createdBy) {
    Instant at = now();
    UUID id = Ids.newId();
    clients.insertClient(new ApiClient(id, program, name, mode, roles, scopes, ips, createdBy, at, null, ApiClient.Totp.NONE,
        List.of()));
    return withNewKey(id, mode, at);
  }

  private NewKey withNewKey(UUID clientId, Mode mode, Instant at) {
    ApiKey.Generated key = ApiKey.generate(mode);
    clients.insertKey(clientId, key.keyId(), cipher.seal(key.keyId(), key.secret().getBytes(StandardCharsets.UTF_8)), at);
    return new NewKey(clients.find(clientId, mode, null).orElseThrow(), key.keyId(), key.secret());
  }

  /**
   * The client, locked for a change, if the caller manages it: of the caller's mode and program (any program for an
   * operator), not revoked, and holding no scope the caller lacks, so that no client can take over a more powerful
   * one by rotating its key.
   */
  private Outcome<ApiClient> lockActive(UUID id, ApiCaller caller) {
    return clients.findForUpdate(id, caller.mode(), visibleProgram(caller)).<Outcome<ApiClient>>map(client -> {
      if (client.isRevoked()) {
        return Outcome.refused(RefusalCode.API_CLIENT_REVOKED, "API client " + id + " was revoked at " + client.revokedAt() + ".");
      }
      Set<String> notHeld = new TreeSet<>(client.scopes());
      notHeld.removeAll(caller.scopes());
      return notHeld.isEmpty() ? Outcome.done(client) : Outcome.refused(RefusalCode.SCOPE_ESCALATION,
          "A client manages only clients whose scopes it holds itself; it lacks " + String.join(", ", notHeld) + ".");
    }).orElseGet(() -> notFound(id));
  }

  /** The program whose clients the caller manages: its own, or every one (null) for an operator. */
  private static UUID visibleProgram(ApiCaller caller) {
    return caller.has(Scopes.PROGRAMS_WRITE) ? null : caller.programId();
  }

  private void forgetAfterCommit(List<String> keyIds) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        keyIds.forEach(keys::forget);
      }
    });
  }

  private static <T> Outcome<T> refused(ClientRequest.Refusal refusal) {
    return switch (refusal) {
      case ClientRequest.Refusal.Invalid(String detail) -> Outcome.refused(RefusalCode.VALIDATION_FAILED, detail);
      case ClientRequest.Refusal.AllowlistRequired() -> Outcome.refused(RefusalCode.ALLOWLIST_REQUIRED,
          "A live client needs allowed_ips: the networks its requests come from, none wider than a /8 (IPv4) or /16 (IPv6).");
      case ClientRequest.Refusal.OtherMode(Mode asked, Mode caller) -> Outcome.refused(RefusalCode.MODE_NOT_ALLOWED,
          "A " + caller.wireName() + " key makes only " + caller.wireName() + " clients, not " + asked.wireName() + " ones.");
      case ClientRequest.Refusal.OtherProgram() -> Outcome.refused(RefusalCode.PROGRAM_NOT_FOUND,
          "A client makes clients of its own program only.");
      case ClientRequest.Refusal.Escalation(Set<String> notHeld) -> Outcome.refused(RefusalCode.SCOPE_ESCALATION,
          "A client grants only scopes it holds itself; it lacks " + String.join(", ", notHeld) + ".");
    };
  }

  private static <T> Outcome<T> notFound(UUID id) {
    return Outcome.refused(RefusalCode.API_CLIENT_NOT_FOUND, "No API client " + id + ".");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
