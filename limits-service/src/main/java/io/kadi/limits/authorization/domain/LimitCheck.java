package io.kadi.limits.authorization.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks an authorization against controls: allowed and blocked categories, countries and channels, spending limits
 * and velocity limits, of every scope. Every broken control is reported, in the order of the scopes, then categories,
 * countries, channels, spending limits and velocity limits as listed.
 *
 * <p>It is two pure steps, so that the caller can sum every window in one query under its locks: {@link #counters}
 * says what needs counting, and {@link #evaluate} decides given what those counters found.
 */
public final class LimitCheck {

  private LimitCheck() {}

  /** A control applied to the authorization: broken whatever is counted, or decided by what a counter finds. */
  private sealed interface Check {}

  private record Broken(Violation violation) implements Check {}

  private record Counted(Counter counter, Function<Tally, Optional<Violation>> verdict) implements Check {}

  /** What must be counted to evaluate the authorization against the controls; each counter once. */
  public static Set<Counter> counters(Authorization authorization, List<ScopedControls> controls) {
    return checks(authorization, controls).stream()
        .<Counter>mapMulti((check, counters) -> {
          if (check instanceof Counted counted) {
            counters.accept(counted.counter());
          }
        })
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Approved, or declined with every control the authorization breaks given what the counters found. */
  public static LimitDecision evaluate(Authorization authorization, List<ScopedControls> controls, Usage usage) {
    return LimitDecision.of(checks(authorization, controls).stream()
        .flatMap(check -> switch (check) {
          case Broken broken -> Stream.of(broken.violation());
          case Counted counted -> counted.verdict().apply(usage.of(counted.counter())).stream();
        })
        .toList());
  }

  private static List<Check> checks(Authorization authorization, List<ScopedControls> all) {
    List<Check> checks = new ArrayList<>();
    for (ScopedControls scoped : all) {
      new ScopeChecks(authorization, scoped, checks).add();
    }
    return checks;
  }

  /** The checks of one scope's controls. */
  private record ScopeChecks(Authorization authorization, ScopedControls scoped, List<Check> checks) {

    void add() {
      Controls controls = scoped.controls();
      String mcc = authorization.mcc();
      String country = authorization.merchantCountry();
      controls.allowedCategories().filter(allowed -> !allowed.contains(mcc)).ifPresent(allowed -> broken(
          ViolationCode.BLOCKED_CATEGORY, "MCC %s is not among the %s allowed categories (%s)"
              .formatted(mcc, scoped.owner(), String.join(", ", allowed))));
      if (controls.blockedCategories().contains(mcc)) {
        broken(ViolationCode.BLOCKED_CATEGORY, "MCC %s is among the %s blocked categories".formatted(mcc, scoped.owner()));
      }
      controls.allowedCountries().filter(allowed -> !allowed.contains(country)).ifPresent(allowed -> broken(
          ViolationCode.BLOCKED_COUNTRY, "Merchant country %s is not among the %s allowed countries (%s)"
              .formatted(country, scoped.owner(), String.join(", ", allowed))));
      if (controls.blockedCountries().contains(country)) {
        broken(ViolationCode.BLOCKED_COUNTRY,
            "Merchant country %s is among the %s blocked countries".formatted(country, scoped.owner()));
      }
      controls.allowedChannels().filter(allowed -> !allowed.contains(authorization.channel())).ifPresent(allowed -> broken(
          ViolationCode.BLOCKED_CHANNEL, "Channel %s is not among the %s allowed channels (%s)".formatted(
              authorization.channel().wireName(), scoped.owner(),
              allowed.stream().map(Channel::wireName).collect(Collectors.joining(", ")))));
      controls.spendingLimits().stream().filter(limit -> limit.covers(authorization)).forEach(this::spending);
      controls.velocityLimits().forEach(this::velocity);
    }

    private void spending(SpendingLimit limit) {
      String name = "%s %s limit of %s%s".formatted(scoped.owner(), limit.interval().adjective(), money(limit.amount()),
          limit.categories().isEmpty() ? "" : " on MCC " + String.join(", ", limit.categories()));
      long asked = authorization.amount();
      if (limit.interval() == Interval.PER_AUTHORIZATION) {
        if (asked > limit.amount()) {
          broken(ViolationCode.SPENDING_LIMIT, capitalized(name) + ": " + money(asked) + " asked");
        }
        return;
      }
      TimeRange window = Windows.calendar(limit.interval(), authorization.at(), authorization.zone());
      counted(new Counter(scoped.scope().subject(), window, limit.currency(), limit.categories()), tally ->
          exceeds(tally.amount(), asked, limit.amount())
              ? violation(ViolationCode.SPENDING_LIMIT, "%s: %s counted%s, %s asked".formatted(capitalized(name),
                  money(tally.amount()), since(window), money(asked)))
              : Optional.empty());
    }

    private void velocity(VelocityLimit limit) {
      TimeRange window = Windows.trailing(limit.window(), authorization.at());
      String in = " in " + seconds(limit.window());
      limit.count().ifPresent(count ->
          counted(new Counter(scoped.scope().subject(), window, null, List.of()), tally ->
              exceeds(tally.count(), 1, count)
                  ? violation(ViolationCode.VELOCITY_LIMIT, "%s velocity limit of %d authorization%s%s: %d counted%s, 1 more asked"
                      .formatted(capitalized(scoped.owner()), count, count == 1 ? "" : "s", in, tally.count(), since(window)))
                  : Optional.empty()));
      limit.amount().ifPresent(amount -> {
        if (limit.currency().equals(authorization.currency())) {
          counted(new Counter(scoped.scope().subject(), window, limit.currency(), List.of()), tally ->
              exceeds(tally.amount(), authorization.amount(), amount)
                  ? violation(ViolationCode.VELOCITY_LIMIT, "%s velocity limit of %s%s: %s counted%s, %s asked".formatted(
                      capitalized(scoped.owner()), money(amount), in, money(tally.amount()), since(window),
                      money(authorization.amount())))
                  : Optional.empty());
        }
      });
    }

    private void broken(ViolationCode code, String detail) {
      checks.add(new Broken(new Violation(code, scoped.scope(), detail)));
    }

    private void counted(Counter counter, Function<Tally, Optional<Violation>> verdict) {
      checks.add(new Counted(counter, verdict));
    }

    private Optional<Violation> violation(ViolationCode code, String detail) {
      return Optional.of(new Violation(code, scoped.scope(), detail));
    }

    private String money(long minorUnits) {
      return MoneyText.of(minorUnits, authorization.currency());
    }

    /** The window's start in the cardholder's time zone, as people there read it; nothing for all time. */
    private String since(TimeRange window) {
      return window.from().map(from -> " since " + from.atZone(authorization.zone()).toOffsetDateTime()).orElse("");
    }
  }

  /** Whether adding {@code asked} to {@code counted} goes over {@code limit}; a sum beyond a long is over any limit. */
  static boolean exceeds(long counted, long asked, long limit) {
    try {
      return Math.addExact(counted, asked) > limit;
    } catch (ArithmeticException overflow) {
      return true;
    }
  }

  private static String seconds(Duration window) {
    return window.toSeconds() + " s";
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
