package io.kadi.card.controls.web;

import io.kadi.kit.security.StepUps;
import jakarta.servlet.http.HttpServletRequest;
import io.kadi.card.controls.application.SpendingControlsService;
import io.kadi.card.controls.domain.Channel;
import io.kadi.card.controls.domain.ControlsInput;
import io.kadi.card.controls.domain.LimitInterval;
import io.kadi.card.controls.domain.SpendingControls;
import io.kadi.card.outcome.web.Refusals;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The spending controls of a card, and of a cardholder (applying to all its cards together). PUT replaces them whole;
 * the answer, like GET, shows them with every amount's currency.
 */
@RestController
class SpendingControlsController {

  private final SpendingControlsService controls;
  private final StepUps stepUps;

  SpendingControlsController(SpendingControlsService controls, StepUps stepUps) {
    this.controls = controls;
    this.stepUps = stepUps;
  }

  enum IntervalName { per_authorization, daily, weekly, monthly, yearly, all_time }

  enum ChannelName { ecommerce, pos, atm }

  record SpendingLimitBody(@NotNull Long amount, String currency, @NotNull IntervalName interval, List<String> categories) {}

  record VelocityLimitBody(Integer count, Long amount, String currency, @NotNull Integer windowSeconds) {}

  record ControlsBody(
      List<@Valid SpendingLimitBody> spendingLimits,
      List<@Valid VelocityLimitBody> velocityLimits,
      List<String> allowedCategories,
      List<String> blockedCategories,
      List<String> allowedCountries,
      List<String> blockedCountries,
      List<ChannelName> allowedChannels) {

    ControlsInput toInput() {
      return new ControlsInput(
          spendingLimits == null ? null : spendingLimits.stream().map(limit -> limit == null ? null
              : new ControlsInput.LimitInput(limit.amount(), domain(limit.interval(), LimitInterval.class), limit.currency(),
                  limit.categories())).toList(),
          velocityLimits == null ? null : velocityLimits.stream().map(limit -> limit == null ? null
              : new ControlsInput.VelocityInput(limit.count(), limit.amount(), limit.currency(), limit.windowSeconds())).toList(),
          allowedCategories, blockedCategories, allowedCountries, blockedCountries,
          allowedChannels == null ? null : allowedChannels.stream().map(channel -> domain(channel, Channel.class)).toList());
    }

    static ControlsBody of(SpendingControls controls) {
      ControlsInput input = controls.toInput();
      return new ControlsBody(
          input.spendingLimits().stream().map(limit -> new SpendingLimitBody(limit.amount(), limit.currency(),
              wire(limit.interval(), IntervalName.class), limit.categories())).toList(),
          input.velocityLimits().stream().map(limit -> new VelocityLimitBody(limit.count(), limit.amount(), limit.currency(),
              limit.windowSeconds())).toList(),
          input.allowedCategories(), input.blockedCategories(), input.allowedCountries(), input.blockedCountries(),
          input.allowedChannels() == null ? null
              : input.allowedChannels().stream().map(channel -> wire(channel, ChannelName.class)).toList());
    }
  }

  @RequiresScope(Scopes.SPENDING_CONTROLS_WRITE)
  @PutMapping("/v1/cards/{cardId}/spending_controls")
  ControlsBody setForCard(@PathVariable UUID cardId, @Valid @RequestBody ControlsBody body, RequestContext context,
      HttpServletRequest request) {
    return ControlsBody.of(Refusals.orThrow(controls.setForCard(cardId, body.toInput(), context, () -> stepUps.require(request))));
  }

  @RequiresScope(Scopes.SPENDING_CONTROLS_READ)
  @GetMapping("/v1/cards/{cardId}/spending_controls")
  ControlsBody getForCard(@PathVariable UUID cardId, RequestContext context) {
    return ControlsBody.of(Refusals.orThrow(controls.forCard(cardId, context.tenant())));
  }

  @RequiresScope(Scopes.SPENDING_CONTROLS_WRITE)
  @PutMapping("/v1/cardholders/{cardholderId}/spending_controls")
  ControlsBody setForCardholder(@PathVariable UUID cardholderId, @Valid @RequestBody ControlsBody body, RequestContext context,
      HttpServletRequest request) {
    return ControlsBody.of(Refusals.orThrow(controls.setForCardholder(cardholderId, body.toInput(), context,
        () -> stepUps.require(request))));
  }

  @RequiresScope(Scopes.SPENDING_CONTROLS_READ)
  @GetMapping("/v1/cardholders/{cardholderId}/spending_controls")
  ControlsBody getForCardholder(@PathVariable UUID cardholderId, RequestContext context) {
    return ControlsBody.of(Refusals.orThrow(controls.forCardholder(cardholderId, context.tenant())));
  }

  private static <E extends Enum<E>> E domain(Enum<?> wire, Class<E> type) {
    return wire == null ? null : Enum.valueOf(type, wire.name().toUpperCase(Locale.ROOT));
  }

  private static <E extends Enum<E>> E wire(Enum<?> domain, Class<E> type) {
    return Enum.valueOf(type, domain.name().toLowerCase(Locale.ROOT));
  }
}
