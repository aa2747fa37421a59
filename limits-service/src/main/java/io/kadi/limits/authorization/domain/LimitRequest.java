package io.kadi.limits.authorization.domain;

import java.util.List;
import java.util.Objects;

/** An authorization to check, with the card's and the cardholder's controls in force when it was requested. */
public record LimitRequest(Authorization authorization, Controls cardControls, Controls cardholderControls, int kycTier) {

  public LimitRequest {
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(cardControls, "cardControls");
    Objects.requireNonNull(cardholderControls, "cardholderControls");
  }

  /** Everything the authorization is checked against, in the order violations are reported. */
  public List<ScopedControls> controls(Controls kycTierCeilings) {
    return List.of(ScopedControls.card(cardControls), ScopedControls.cardholder(cardholderControls),
        ScopedControls.kycTier(kycTier, kycTierCeilings));
  }
}
