package io.kadi.limits.authorization.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.card.v1.LimitInterval;
import io.kadi.events.card.v1.SpendingControls;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.limits.authorization.domain.Authorization;
import io.kadi.limits.authorization.domain.Channel;
import io.kadi.limits.authorization.domain.Controls;
import io.kadi.limits.authorization.domain.Interval;
import io.kadi.limits.authorization.domain.LimitRequest;
import io.kadi.limits.authorization.domain.SpendingLimit;
import io.kadi.limits.authorization.domain.VelocityLimit;
import io.kadi.limits.testing.AuthorizationEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthorizationRecordsTest {

  private final UUID card = UUID.randomUUID();
  private final UUID cardholder = UUID.randomUUID();

  @Test
  void readsARequestWithItsControls() {
    SpendingControls cardControls = SpendingControls.newBuilder()
        .setSpendingLimits(List.of(AuthorizationEvents.limit(5000_00, "NGN", LimitInterval.daily, "5812")))
        .setVelocityLimits(List.of(AuthorizationEvents.countLimit(3, 3600), AuthorizationEvents.amountLimit(100_00, "NGN", 60)))
        .setAllowedCategories(List.of("5411"))
        .setBlockedCategories(List.of("7995"))
        .setAllowedCountries(List.of("ng", "KE"))
        .setBlockedCountries(List.of("ru"))
        .setAllowedChannels(List.of(io.kadi.events.authorization.v1.Channel.ecommerce))
        .build();
    AuthorizationRequested requested = AuthorizationEvents.requested(card, cardholder, 600_00, "NGN")
        .setCardControls(cardControls)
        .setKycTier(2)
        .build();

    assertThat(AuthorizationRecords.limitRequest(requested)).isEqualTo(new LimitRequest(
        new Authorization(requested.getAuthorizationId(), card, cardholder, 600_00, "NGN", "5411", "NG", Channel.POS,
            requested.getMetadata().getOccurredAt(), ZoneId.of("Africa/Lagos")),
        new Controls(List.of(new SpendingLimit(5000_00, "NGN", Interval.DAILY, List.of("5812"))),
            List.of(VelocityLimit.ofCount(3, Duration.ofHours(1)), VelocityLimit.ofAmount(100_00, "NGN", Duration.ofMinutes(1))),
            Optional.of(List.of("5411")), List.of("7995"), Optional.of(List.of("NG", "KE")), List.of("RU"),
            Optional.of(List.of(Channel.ECOMMERCE))),
        Controls.NONE,
        2));
  }

  @Test
  void aRequestTheDomainCannotTakeIsUnprocessable() {
    assertThatThrownBy(() -> AuthorizationRecords.limitRequest(AuthorizationEvents.requested(card, cardholder, 600_00, "NGN")
        .setCardholderTimeZone("Africa/Atlantis").build()))
        .isInstanceOf(UnprocessableRecordException.class)
        .hasMessageStartingWith("Cannot read AuthorizationRequested: ");
    assertThatThrownBy(() -> AuthorizationRecords.limitRequest(AuthorizationEvents.requested(card, cardholder, 0, "NGN").build()))
        .isInstanceOf(UnprocessableRecordException.class)
        .hasMessage("Cannot read AuthorizationRequested: An authorization asks for a positive amount, not 0");
    assertThatThrownBy(() -> AuthorizationRecords.limitRequest(AuthorizationEvents.requested(card, cardholder, 600_00, "NGN")
        .setCardControls(SpendingControls.newBuilder().setVelocityLimits(List.of(
            io.kadi.events.card.v1.VelocityLimit.newBuilder().setWindowSeconds(60).build())).build())
        .build()))
        .isInstanceOf(UnprocessableRecordException.class)
        .hasMessage("Cannot read AuthorizationRequested: A velocity limit limits a count, an amount, or both");
  }

  @Test
  void takesTheRequestsTimeNotTheClocks() {
    Instant requestedAt = Instant.parse("2025-03-01T09:00:00Z");
    AuthorizationRequested requested = AuthorizationEvents.requested(card, cardholder, 600_00, "NGN")
        .setMetadata(AuthorizationEvents.metadataAt(requestedAt)).build();

    assertThat(AuthorizationRecords.limitRequest(requested).authorization().at()).isEqualTo(requestedAt);
  }
}
