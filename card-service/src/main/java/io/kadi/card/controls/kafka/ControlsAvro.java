package io.kadi.card.controls.kafka;

import io.kadi.card.controls.domain.Channel;
import io.kadi.card.controls.domain.SpendingControls;
import io.kadi.events.card.v1.LimitInterval;
import io.kadi.events.card.v1.SpendingLimit;
import io.kadi.events.card.v1.VelocityLimit;
import java.util.Collection;
import java.util.List;

/** Spending controls as the Avro record SpendingControlsUpdated and AuthorizationRequested carry. */
public final class ControlsAvro {

  private ControlsAvro() {}

  public static io.kadi.events.card.v1.SpendingControls toAvro(SpendingControls controls) {
    return io.kadi.events.card.v1.SpendingControls.newBuilder()
        .setSpendingLimits(controls.spendingLimits().stream().map(limit -> SpendingLimit.newBuilder()
            .setAmount(limit.amount().minorUnits())
            .setCurrency(limit.amount().currency().code())
            .setInterval(switch (limit.interval()) {
              case PER_AUTHORIZATION -> LimitInterval.per_authorization;
              case DAILY -> LimitInterval.daily;
              case WEEKLY -> LimitInterval.weekly;
              case MONTHLY -> LimitInterval.monthly;
              case YEARLY -> LimitInterval.yearly;
              case ALL_TIME -> LimitInterval.all_time;
            })
            .setCategories(sorted(limit.categories()))
            .build()).toList())
        .setVelocityLimits(controls.velocityLimits().stream().map(limit -> VelocityLimit.newBuilder()
            .setCount(limit.count())
            .setAmount(limit.amount() == null ? null : limit.amount().minorUnits())
            .setCurrency(limit.amount() == null ? null : limit.amount().currency().code())
            .setWindowSeconds((int) limit.window().toSeconds())
            .build()).toList())
        .setAllowedCategories(controls.allowedCategories() == null ? null : sorted(controls.allowedCategories()))
        .setBlockedCategories(sorted(controls.blockedCategories()))
        .setAllowedCountries(controls.allowedCountries() == null ? null : sorted(controls.allowedCountries()))
        .setBlockedCountries(sorted(controls.blockedCountries()))
        .setAllowedChannels(controls.allowedChannels() == null ? null
            : controls.allowedChannels().stream().sorted().map(ControlsAvro::toAvro).toList())
        .build();
  }

  public static io.kadi.events.authorization.v1.Channel toAvro(Channel channel) {
    return switch (channel) {
      case ECOMMERCE -> io.kadi.events.authorization.v1.Channel.ecommerce;
      case POS -> io.kadi.events.authorization.v1.Channel.pos;
      case ATM -> io.kadi.events.authorization.v1.Channel.atm;
    };
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }
}
