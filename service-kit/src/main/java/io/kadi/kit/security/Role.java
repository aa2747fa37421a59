package io.kadi.kit.security;

import static io.kadi.kit.security.Scopes.*;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Presets of scopes for the usual jobs. A client holds the union of its roles' scopes and any scopes given alone. */
public enum Role {
  /** Finance staff: sees cardholders, cards, balances, controls and transactions; changes nothing. */
  FINANCE_VIEWER(Scopes.READS),
  /** A platform's back office: onboards cardholders, records KYC, issues, funds, freezes and terminates cards. */
  ISSUER(concat(Scopes.READS, List.of(CARDHOLDERS_WRITE, KYC_WRITE, CARDS_ISSUE, CARDS_FUND, CARDS_FREEZE,
      CARDS_TERMINATE, SPENDING_CONTROLS_WRITE))),
  /** The card processor: requests, captures and reverses authorizations, and reads them back. */
  PROCESSOR(List.of(AUTHORIZATIONS_READ, AUTHORIZATIONS_WRITE)),
  /** Reads everything, tunes risk rules, and freezes a card it suspects. */
  RISK_ANALYST(concat(Scopes.READS, List.of(RISK_RULES_READ, RISK_RULES_WRITE, CARDS_FREEZE))),
  /** Reads everything, the audit log and the API clients included; changes nothing. */
  AUDITOR(concat(Scopes.READS, List.of(AUDIT_READ, KEYS_READ, RISK_RULES_READ))),
  /** Everything within its program, key management and PAN reveal included. */
  ADMIN(Scopes.ALL.stream().filter(scope -> !scope.equals(PROGRAMS_WRITE)).toList()),
  /**
   * The platform operator: every scope, and programs and their clients in every program (its cards and cardholders
   * are still its own program's). Only the bootstrapped client starts with it.
   */
  OPERATOR(Scopes.ALL);

  private final Set<String> scopes;

  Role(List<String> scopes) {
    this.scopes = Set.copyOf(scopes);
  }

  public Set<String> scopes() {
    return scopes;
  }

  /** The lower-case name used in requests and responses: {@code finance_viewer}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWireName(String name) {
    return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst();
  }

  /** The roles' wire names, for messages. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Role::wireName).toList();
  }

  /** The scopes of these roles and these single scopes, sorted. */
  public static Set<String> scopesOf(Iterable<Role> roles, Iterable<String> scopes) {
    Set<String> all = new TreeSet<>();
    roles.forEach(role -> all.addAll(role.scopes));
    scopes.forEach(all::add);
    return all;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).distinct().toList();
  }
}
