package io.kadi.limits.authorization.kafka;

import io.kadi.events.authorization.v1.AuthorizationCaptured;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.AuthorizationReversed;
import io.kadi.events.card.v1.LimitInterval;
import io.kadi.events.card.v1.SpendingControls;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.limits.authorization.domain.Authorization;
import io.kadi.limits.authorization.domain.AuthorizationUpdate;
import io.kadi.limits.authorization.domain.Channel;
import io.kadi.limits.authorization.domain.Controls;
import io.kadi.limits.authorization.domain.Interval;
import io.kadi.limits.authorization.domain.LimitRequest;
import io.kadi.limits.authorization.domain.SpendingLimit;
import io.kadi.limits.authorization.domain.VelocityLimit;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Reads the authorization records into domain types. A record the domain cannot take (a non-positive amount, an
 * unknown time zone, a limit without an amount) is card-service's mistake, which no retry fixes: it is dead-lettered.
 */
final class AuthorizationRecords {

  private AuthorizationRecords() {}

  static LimitRequest limitRequest(AuthorizationRequested requested) {
    return read(requested, () -> new LimitRequest(
        new Authorization(requested.getAuthorizationId(), requested.getCardId(), requested.getCardholderId(),
            requested.getAmount(), requested.getCurrency(), requested.getMerchant().getMcc(),
            country(requested.getMerchant().getCountry()), channel(requested.getChannel()),
            requested.getMetadata().getOccurredAt(), ZoneId.of(requested.getCardholderTimeZone())),
        controls(requested.getCardControls()),
        controls(requested.getCardholderControls()),
        requested.getKycTier()));
  }

  static AuthorizationUpdate decided(AuthorizationDecided decided) {
    return read(decided, () -> new AuthorizationUpdate.Decided(decided.getAuthorizationId(), decided.getCardId(),
        decided.getCardholderId(), decided.getAmount(), decided.getCurrency(), decided.getMetadata().getOccurredAt(),
        decided.getApproved()));
  }

  static AuthorizationUpdate captured(AuthorizationCaptured captured) {
    return read(captured, () -> new AuthorizationUpdate.Captured(captured.getAuthorizationId(), captured.getCardId(),
        captured.getCardholderId(), captured.getAmount(), captured.getCurrency(), captured.getMetadata().getOccurredAt()));
  }

  static AuthorizationUpdate reversed(AuthorizationReversed reversed) {
    return read(reversed, () -> new AuthorizationUpdate.Reversed(reversed.getAuthorizationId(), reversed.getCardId(),
        reversed.getCardholderId(), reversed.getAmount(), reversed.getCurrency(), reversed.getMetadata().getOccurredAt()));
  }

  static Controls controls(SpendingControls controls) {
    return new Controls(
        controls.getSpendingLimits().stream().map(limit -> new SpendingLimit(limit.getAmount(), limit.getCurrency(),
            interval(limit.getInterval()), limit.getCategories())).toList(),
        controls.getVelocityLimits().stream().map(limit -> new VelocityLimit(
            limit.getCount() == null ? OptionalInt.empty() : OptionalInt.of(limit.getCount()),
            limit.getAmount() == null ? OptionalLong.empty() : OptionalLong.of(limit.getAmount()),
            limit.getCurrency(), Duration.ofSeconds(limit.getWindowSeconds()))).toList(),
        Optional.ofNullable(controls.getAllowedCategories()),
        controls.getBlockedCategories(),
        Optional.ofNullable(controls.getAllowedCountries()).map(AuthorizationRecords::countries),
        countries(controls.getBlockedCountries()),
        Optional.ofNullable(controls.getAllowedChannels())
            .map(channels -> channels.stream().map(AuthorizationRecords::channel).toList()));
  }

  private static <T> T read(org.apache.avro.specific.SpecificRecord record, Supplier<T> reading) {
    try {
      return reading.get();
    } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
      throw new UnprocessableRecordException("Cannot read " + record.getSchema().getName() + ": " + e.getMessage());
    }
  }

  private static Interval interval(LimitInterval interval) {
    return switch (interval) {
      case per_authorization -> Interval.PER_AUTHORIZATION;
      case daily -> Interval.DAILY;
      case weekly -> Interval.WEEKLY;
      case monthly -> Interval.MONTHLY;
      case yearly -> Interval.YEARLY;
      case all_time -> Interval.ALL_TIME;
    };
  }

  private static Channel channel(io.kadi.events.authorization.v1.Channel channel) {
    return switch (channel) {
      case ecommerce -> Channel.ECOMMERCE;
      case pos -> Channel.POS;
      case atm -> Channel.ATM;
    };
  }

  /** Country codes are compared as ISO writes them, in upper case, whatever case a processor sent. */
  private static List<String> countries(List<String> codes) {
    return codes.stream().map(AuthorizationRecords::country).toList();
  }

  private static String country(String code) {
    return code.toUpperCase(Locale.ROOT);
  }
}
