package io.kadi.limits.testing;

import io.kadi.events.authorization.v1.AuthorizationCaptured;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.AuthorizationReversed;
import io.kadi.events.authorization.v1.Channel;
import io.kadi.events.authorization.v1.Merchant;
import io.kadi.events.card.v1.LimitInterval;
import io.kadi.events.card.v1.SpendingControls;
import io.kadi.events.card.v1.SpendingLimit;
import io.kadi.events.card.v1.VelocityLimit;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.limits.authorization.domain.SandboxSimulation;
import io.kadi.schemas.serde.CatalogueRecordTypes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The authorization records card-service publishes, each with a fresh event id. A request comes as a builder with
 * defaults (a grocer in Lagos, at the point of sale, KYC tier 3, no controls) for the test to change.
 */
public final class AuthorizationEvents {

  public static final RequestContext CONTEXT = new RequestContext("req-limits-test", "client-limits", Mode.SANDBOX, null);
  private static final RecordMetadata METADATA = new RecordMetadata(Clock.systemUTC());

  static {
    // Building a record fills unset fields with their defaults, which Avro does only with classes it trusts.
    CatalogueRecordTypes.trust();
  }

  private AuthorizationEvents() {}

  public static Metadata metadata() {
    return METADATA.stamp(CONTEXT);
  }

  public static Metadata metadataAt(Instant occurredAt) {
    return Metadata.newBuilder(metadata()).setOccurredAt(occurredAt).build();
  }

  /** A request for the amount on the card, now, with no controls anywhere and the highest KYC tier. */
  public static AuthorizationRequested.Builder requested(UUID cardId, UUID cardholderId, long amount, String currency) {
    return AuthorizationRequested.newBuilder()
        .setMetadata(metadata())
        .setAuthorizationId(UUID.randomUUID())
        .setCardId(cardId)
        .setCardholderId(cardholderId)
        .setAmount(amount)
        .setCurrency(currency)
        .setMerchant(Merchant.newBuilder().setName("Mama Cass Groceries").setMcc("5411").setCountry("NG").setCity("Lagos").build())
        .setChannel(Channel.pos)
        .setCardholderCountry("NG")
        .setCardholderTimeZone("Africa/Lagos")
        .setKycTier(3)
        .setCardControls(controls().build())
        .setCardholderControls(controls().build())
        .setDeclinedAtRequest(null);
  }

  /**
   * A random amount from NGN 1.00 to NGN 1000.00, but never the amount that simulates a spending limit in sandbox
   * (the mode of these records), which random tests of limits must not meet.
   */
  public static long randomAmount(Random random) {
    long amount;
    do {
      amount = random.nextLong(1_00, 1000_00 + 1);
    } while (amount == SandboxSimulation.SPENDING_LIMIT_AMOUNT);
    return amount;
  }

  /** Controls that restrict nothing, to add to. */
  public static SpendingControls.Builder controls() {
    return SpendingControls.newBuilder();
  }

  public static SpendingControls spendingLimit(long amount, String currency, LimitInterval interval) {
    return controls().setSpendingLimits(List.of(limit(amount, currency, interval))).build();
  }

  public static SpendingLimit limit(long amount, String currency, LimitInterval interval, String... categories) {
    return SpendingLimit.newBuilder().setAmount(amount).setCurrency(currency).setInterval(interval)
        .setCategories(List.of(categories)).build();
  }

  public static VelocityLimit countLimit(int count, int windowSeconds) {
    return VelocityLimit.newBuilder().setCount(count).setWindowSeconds(windowSeconds).build();
  }

  public static VelocityLimit amountLimit(long amount, String currency, int windowSeconds) {
    return VelocityLimit.newBuilder().setAmount(amount).setCurrency(currency).setWindowSeconds(windowSeconds).build();
  }

  /** card-service's answer to the request. */
  public static AuthorizationDecided decided(AuthorizationRequested request, boolean approved, String declineReason,
      boolean standIn) {
    return AuthorizationDecided.newBuilder()
        .setMetadata(metadata())
        .setAuthorizationId(request.getAuthorizationId())
        .setCardId(request.getCardId())
        .setCardholderId(request.getCardholderId())
        .setApproved(approved)
        .setDeclineReason(declineReason)
        .setAmount(request.getAmount())
        .setCurrency(request.getCurrency())
        .setRiskScore(approved ? 12 : null)
        .setStandIn(standIn)
        .setAvailableBalance(1_000_000_00)
        .setHeldBalance(request.getAmount())
        .build();
  }

  public static AuthorizationDecided approved(AuthorizationRequested request) {
    return decided(request, true, null, false);
  }

  public static AuthorizationDecided declined(AuthorizationRequested request, String reason) {
    return decided(request, false, reason, false);
  }

  public static AuthorizationCaptured captured(AuthorizationRequested request, long amount) {
    return AuthorizationCaptured.newBuilder()
        .setMetadata(metadata())
        .setAuthorizationId(request.getAuthorizationId())
        .setCardId(request.getCardId())
        .setCardholderId(request.getCardholderId())
        .setAmount(amount)
        .setReleasedAmount(request.getAmount() - amount)
        .setCurrency(request.getCurrency())
        .setAvailableBalance(1_000_000_00)
        .build();
  }

  public static AuthorizationReversed reversed(AuthorizationRequested request) {
    return AuthorizationReversed.newBuilder()
        .setMetadata(metadata())
        .setAuthorizationId(request.getAuthorizationId())
        .setCardId(request.getCardId())
        .setCardholderId(request.getCardholderId())
        .setAmount(request.getAmount())
        .setCurrency(request.getCurrency())
        .setAvailableBalance(1_000_000_00)
        .build();
  }
}
