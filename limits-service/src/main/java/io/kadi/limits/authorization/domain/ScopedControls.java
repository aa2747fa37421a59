package io.kadi.limits.authorization.domain;

import java.util.Objects;

/**
 * Controls and whose they are.
 *
 * @param owner how violations name the owner: "card's", "cardholder's", "KYC tier 2"
 */
public record ScopedControls(Scope scope, String owner, Controls controls) {

  public ScopedControls {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(controls, "controls");
  }

  public static ScopedControls card(Controls controls) {
    return new ScopedControls(Scope.CARD, "card's", controls);
  }

  public static ScopedControls cardholder(Controls controls) {
    return new ScopedControls(Scope.CARDHOLDER, "cardholder's", controls);
  }

  public static ScopedControls kycTier(int tier, Controls controls) {
    return new ScopedControls(Scope.KYC_TIER, "KYC tier " + tier, controls);
  }
}
