package io.kadi.card.sandbox.domain;

import io.kadi.kit.context.Mode;

/**
 * The values with which an integrator makes card-service fail on purpose, in sandbox mode only; they are documented,
 * with every other simulated failure, in docs/api.md#sandbox-failure-simulation. In live mode no value means anything:
 * the same request is handled as any other.
 *
 * <p>Amounts are minor units of whatever currency the authorization is in. limits-service (40052) and risk-service
 * (40053, 40054) recognize their own amounts in their own domains; the five are distinct, so that one request asks
 * for one failure at most.
 */
public final class SandboxSimulation {

  /** An authorization of this amount is declined {@code insufficient_funds}, as if the balance were short. */
  public static final long INSUFFICIENT_FUNDS_AMOUNT = 40_051;
  /**
   * An authorization of this amount is refused {@code 400 validation_failed} naming its {@code amount}, as a request
   * with an invalid field is: nothing held, nothing published.
   */
  public static final long INVALID_PARAMETERS_AMOUNT = 40_055;
  /** A KYC decision with this reference is recorded as a rejection, whatever status it gives. */
  public static final String KYC_REJECTED_REFERENCE = "sandbox_kyc_rejected";

  private SandboxSimulation() {}

  /** Whether an authorization of this amount is to be declined for funds, whatever the balance. */
  public static boolean declinesForFunds(Mode mode, long amount) {
    return sandbox(mode) && amount == INSUFFICIENT_FUNDS_AMOUNT;
  }

  /** Whether an authorization request of this amount is to be refused as invalid before anything is checked. */
  public static boolean refusesAmount(Mode mode, long amount) {
    return sandbox(mode) && amount == INVALID_PARAMETERS_AMOUNT;
  }

  /** Whether a KYC decision with this reference is to be recorded as a rejection. */
  public static boolean rejectsKyc(Mode mode, String reference) {
    return sandbox(mode) && KYC_REJECTED_REFERENCE.equals(reference);
  }

  private static boolean sandbox(Mode mode) {
    return switch (mode) {
      case SANDBOX -> true;
      case LIVE -> false;
    };
  }
}
