package io.kadi.risk.testing;

import io.kadi.events.authorization.v1.AuthorizationCaptured;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.AuthorizationReversed;
import io.kadi.events.authorization.v1.Channel;
import io.kadi.events.authorization.v1.Merchant;
import io.kadi.events.card.v1.SpendingControls;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A fresh card, and the authorization records card-service would publish about it. Every record's
 * {@code metadata.occurredAt} is the instant the test gives, since that is risk-service's "now".
 */
public record TestCard(UUID cardId, UUID cardholderId, String currency, String homeCountry, String timeZone) {

  public static final RequestContext PROCESSOR = new RequestContext("req-risk-test", "processor-test", Mode.SANDBOX, null);
  /** A supermarket: not a high-risk category. */
  public static final String GROCERIES = "5411";

  /** A Nigerian cardholder's NGN card, in Lagos (UTC+1). */
  public static TestCard nigerian() {
    return new TestCard(UUID.randomUUID(), UUID.randomUUID(), "NGN", "NG", "Africa/Lagos");
  }

  /** A Kenyan cardholder's KES card, in Nairobi (UTC+3). */
  public static TestCard kenyan() {
    return new TestCard(UUID.randomUUID(), UUID.randomUUID(), "KES", "KE", "Africa/Nairobi");
  }

  public String key() {
    return cardId.toString();
  }

  /** A request at a supermarket in the cardholder's home country, at a point of sale. */
  public AuthorizationRequested request(long amount, Instant at) {
    return request(amount, at, GROCERIES, homeCountry);
  }

  public AuthorizationRequested request(long amount, Instant at, String mcc, String merchantCountry) {
    return AuthorizationRequested.newBuilder()
        .setMetadata(metadata(at))
        .setAuthorizationId(UUID.randomUUID())
        .setCardId(cardId)
        .setCardholderId(cardholderId)
        .setAmount(amount)
        .setCurrency(currency)
        .setMerchant(Merchant.newBuilder().setName("Test merchant").setMcc(mcc).setCountry(merchantCountry).setCity(null).build())
        .setChannel(Channel.pos)
        .setCardholderCountry(homeCountry)
        .setCardholderTimeZone(timeZone)
        .setKycTier(2)
        .setCardControls(SpendingControls.newBuilder().build())
        .setCardholderControls(SpendingControls.newBuilder().build())
        .setDeclinedAtRequest(null)
        .build();
  }

  /** A request card-service declined at once, without a hold. */
  public AuthorizationRequested declinedAtRequest(long amount, Instant at, String reason) {
    return AuthorizationRequested.newBuilder(request(amount, at)).setDeclinedAtRequest(reason).build();
  }

  /** card-service's decision on the request, a second after it. */
  public AuthorizationDecided decided(AuthorizationRequested request, boolean approved) {
    return AuthorizationDecided.newBuilder()
        .setMetadata(metadata(after(request)))
        .setAuthorizationId(request.getAuthorizationId())
        .setCardId(cardId)
        .setCardholderId(cardholderId)
        .setApproved(approved)
        .setDeclineReason(approved ? null : "spending_limit")
        .setAmount(request.getAmount())
        .setCurrency(currency)
        .setRiskScore(0)
        .setStandIn(false)
        .setAvailableBalance(1_000_000_000)
        .setHeldBalance(request.getAmount())
        .build();
  }

  public AuthorizationCaptured captured(AuthorizationRequested request, long amount) {
    return AuthorizationCaptured.newBuilder()
        .setMetadata(metadata(after(request).plusSeconds(1)))
        .setAuthorizationId(request.getAuthorizationId())
        .setCardId(cardId)
        .setCardholderId(cardholderId)
        .setAmount(amount)
        .setReleasedAmount(request.getAmount() - amount)
        .setCurrency(currency)
        .setAvailableBalance(1_000_000_000)
        .build();
  }

  public AuthorizationReversed reversed(AuthorizationRequested request) {
    return AuthorizationReversed.newBuilder()
        .setMetadata(metadata(after(request).plusSeconds(1)))
        .setAuthorizationId(request.getAuthorizationId())
        .setCardId(cardId)
        .setCardholderId(cardholderId)
        .setAmount(request.getAmount())
        .setCurrency(currency)
        .setAvailableBalance(1_000_000_000)
        .build();
  }

  private static Instant after(AuthorizationRequested request) {
    return request.getMetadata().getOccurredAt().plus(Duration.ofSeconds(1));
  }

  private static Metadata metadata(Instant at) {
    return new RecordMetadata(Clock.fixed(at, ZoneOffset.UTC)).stamp(PROCESSOR);
  }
}
