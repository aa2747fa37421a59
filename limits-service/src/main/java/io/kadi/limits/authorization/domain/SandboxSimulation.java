package io.kadi.limits.authorization.domain;

import java.util.List;
import java.util.Optional;

/**
 * The amount with which an integrator makes limits-service decline on purpose, in sandbox mode only; docs/limits.md
 * and docs/api.md#sandbox-failure-simulation document it with every other simulated failure. In live mode it is an
 * amount like any other.
 *
 * <p>A simulated decline is a real one: kept as {@code declined} (so it reserves nothing), published as
 * {@code LimitsEvaluated}, and turned into card-service's {@code spending_limit} decline; only the controls are not
 * evaluated.
 */
public final class SandboxSimulation {

  /** Minor units, in any currency, of an authorization declined with a {@code spending_limit} violation. */
  public static final long SPENDING_LIMIT_AMOUNT = 40_052;

  private SandboxSimulation() {}

  /**
   * The decision to give instead of evaluating the controls: for the simulated amount in sandbox, a decline for the
   * card's spending limit, whatever the controls; otherwise none.
   */
  public static Optional<LimitDecision> decision(Authorization authorization, boolean sandbox) {
    if (!sandbox || authorization.amount() != SPENDING_LIMIT_AMOUNT) {
      return Optional.empty();
    }
    return Optional.of(new LimitDecision.Declined(List.of(new Violation(ViolationCode.SPENDING_LIMIT, Scope.CARD,
        "Sandbox simulation of a spending limit exceeded: " + MoneyText.of(authorization.amount(), authorization.currency())
            + " asked"))));
  }
}
