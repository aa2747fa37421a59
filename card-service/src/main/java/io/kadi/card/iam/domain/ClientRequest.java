package io.kadi.card.iam.domain;

import io.kadi.kit.context.Mode;
import io.kadi.kit.security.Cidr;
import io.kadi.kit.security.Role;
import io.kadi.kit.security.Scopes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a new client is asked to be, and whether the asker may make it: its scopes are its roles' and the single
 * scopes asked for; a client can grant only scopes it holds itself, only in its own mode, and only in its own program
 * unless it may create programs. Live clients need an allowlist of real networks (none wider than a /8 of IPv4 or a /16
 * of IPv6) unless that rule is switched off.
 */
public record ClientRequest(String name, Mode mode, List<String> roles, List<String> scopes, List<String> allowedIps,
    UUID programId) {

  public static final int MAX_NAME_LENGTH = 100;
  public static final int MAX_ALLOWED_IPS = 50;

  /** Why a request for a client is refused, in the order they are checked. */
  public sealed interface Refusal {
    record Invalid(String detail) implements Refusal {}

    record AllowlistRequired() implements Refusal {}

    record OtherMode(Mode asked, Mode caller) implements Refusal {}

    record OtherProgram() implements Refusal {}

    record Escalation(Set<String> notHeld) implements Refusal {}
  }

  /** The client's scopes when the asker may make it. */
  public sealed interface Checked {
    record Allowed(Set<String> scopes, List<String> normalizedIps) implements Checked {}

    record Refused(Refusal refusal) implements Checked {}
  }

  public Checked check(Mode callerMode, UUID callerProgram, Set<String> callerScopes, boolean requireLiveAllowlist) {
    Optional<String> invalid = invalid();
    if (invalid.isPresent()) {
      return new Checked.Refused(new Refusal.Invalid(invalid.get()));
    }
    List<Cidr> networks = allowedIps.stream().map(Cidr::parse).distinct().toList();
    if (lacksLiveAllowlist(mode, networks, requireLiveAllowlist)) {
      return new Checked.Refused(new Refusal.AllowlistRequired());
    }
    List<String> ips = networks.stream().map(Cidr::toString).toList();
    if (mode != callerMode) {
      return new Checked.Refused(new Refusal.OtherMode(mode, callerMode));
    }
    if (programId != null && !programId.equals(callerProgram) && !callerScopes.contains(Scopes.PROGRAMS_WRITE)) {
      return new Checked.Refused(new Refusal.OtherProgram());
    }
    Set<String> granted = Role.scopesOf(roles.stream().map(role -> Role.fromWireName(role).orElseThrow()).toList(), scopes);
    Set<String> notHeld = new LinkedHashSet<>(granted);
    notHeld.removeAll(callerScopes);
    if (!notHeld.isEmpty()) {
      return new Checked.Refused(new Refusal.Escalation(notHeld));
    }
    return new Checked.Allowed(granted, ips);
  }

  private Optional<String> invalid() {
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      problems.add("name must be 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (mode == null) {
      problems.add("mode must be sandbox or live");
    }
    roles.stream().filter(role -> Role.fromWireName(role).isEmpty())
        .forEach(role -> problems.add("role '" + role + "' is not one of " + Role.wireNames()));
    scopes.stream().filter(scope -> !Scopes.ALL.contains(scope))
        .forEach(scope -> problems.add("scope '" + scope + "' is not a Kadi scope"));
    if (roles.isEmpty() && scopes.isEmpty()) {
      problems.add("give at least one role or scope");
    }
    if (allowedIps.size() > MAX_ALLOWED_IPS) {
      problems.add("at most " + MAX_ALLOWED_IPS + " allowed_ips");
    }
    allowedIps.stream().filter(ip -> !isCidr(ip))
        .forEach(ip -> problems.add("allowed_ips entry '" + ip + "' is not an IPv4 or IPv6 address or CIDR"));
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems) + ".");
  }

  /** Whether a client of the mode with these networks breaks the live-allowlist rule, when the rule is on. */
  public static boolean lacksLiveAllowlist(Mode mode, List<Cidr> networks, boolean requireLiveAllowlist) {
    return mode == Mode.LIVE && requireLiveAllowlist && (networks.isEmpty() || networks.stream().anyMatch(ClientRequest::tooWide));
  }

  /** Wider than a /8 of IPv4 or a /16 of IPv6: {@code 0.0.0.0/0} is no allowlist. */
  private static boolean tooWide(Cidr network) {
    return network.prefixLength() < (network.network().length == 4 ? 8 : 16);
  }

  private static boolean isCidr(String text) {
    try {
      Cidr.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
