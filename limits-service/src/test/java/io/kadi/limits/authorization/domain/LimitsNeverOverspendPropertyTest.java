package io.kadi.limits.authorization.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Random sequences of requests, decisions, captures, reversals and redeliveries on two cards of one cardholder, with
 * random limits of every scope, evaluated and kept as the service does ({@link Ledger}). Independently of
 * {@link LimitCheck}, the property works out from the reservations themselves that:
 * <ul>
 *   <li>an authorization is declined exactly when approving it would take some window over some limit;</li>
 *   <li>at every step, no window of any limit (any calendar period, any trailing window wherever it ends) counts more
 *       than the limit, although requests arrive out of their time order;</li>
 *   <li>every reservation ends as its authorization did: committed, captured or released once decided.</li>
 * </ul>
 */
class LimitsNeverOverspendPropertyTest {

  private static final UUID CARDHOLDER = UUID.randomUUID();
  private static final List<UUID> CARDS = List.of(UUID.randomUUID(), UUID.randomUUID());
  private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
  private static final List<String> MCCS = List.of("5411", "5812", "7995");

  /** What card-service and the broker do. Each operation is one message, identified by its position. */
  sealed interface Operation {}

  record Request(int card, long amount, String currency, String mcc, int minutesAfterStart) implements Operation {}

  /** card-service decides a pending request: approves it when limits did and {@code approveIfAllowed}. */
  record Decide(int request, boolean approveIfAllowed) implements Operation {}

  record Capture(int request, int percent) implements Operation {}

  record Reverse(int request) implements Operation {}

  /** The broker delivers an earlier message again. */
  record Redeliver(int message) implements Operation {}

  record Scenario(ZoneId zone, Controls cardA, Controls cardB, Controls cardholder, Controls kycTier,
      List<Operation> operations) {

    List<ScopedControls> controlsOf(int card) {
      return List.of(ScopedControls.card(card == 0 ? cardA : cardB), ScopedControls.cardholder(cardholder),
          ScopedControls.kycTier(2, kycTier));
    }
  }

  /** An authorization as card-service knows it. */
  private static final class Known {
    final Authorization authorization;
    final boolean limitsApproved;
    ReservationStatus expected;
    long expectedAmount;
    boolean approved;

    Known(Authorization authorization, boolean limitsApproved) {
      this.authorization = authorization;
      this.limitsApproved = limitsApproved;
      this.expected = limitsApproved ? ReservationStatus.RESERVED : ReservationStatus.DECLINED;
      this.expectedAmount = authorization.amount();
    }

    boolean pending() {
      return expected == ReservationStatus.RESERVED || expected == ReservationStatus.DECLINED;
    }
  }

  @Property(tries = 400)
  @StatisticsReport(onFailureOnly = true)
  void noWindowEverCountsMoreThanItsLimit(@ForAll("scenarios") Scenario scenario) {
    Ledger ledger = new Ledger();
    List<Known> requests = new ArrayList<>();
    Map<Integer, Runnable> messages = new LinkedHashMap<>();
    Set<Integer> processed = new HashSet<>();
    List<Operation> operations = scenario.operations();
    for (int index = 0; index < operations.size(); index++) {
      int message = index;
      Runnable delivery = switch (operations.get(index)) {
        case Request request -> request(scenario, ledger, requests, request);
        case Decide decide -> pick(requests, decide.request(), Known::pending).map(known -> (Runnable) () -> {
          known.approved = decide.approveIfAllowed() && known.limitsApproved;
          known.expected = known.approved ? ReservationStatus.COMMITTED : ReservationStatus.RELEASED;
          ledger.apply(new AuthorizationUpdate.Decided(known.authorization.id(), known.authorization.cardId(), CARDHOLDER,
              known.authorization.amount(), known.authorization.currency(), known.authorization.at(), known.approved));
        }).orElse(null);
        case Capture capture -> pick(requests, capture.request(), known -> known.expected == ReservationStatus.COMMITTED)
            .map(known -> (Runnable) () -> {
              known.expected = ReservationStatus.CAPTURED;
              known.expectedAmount = known.authorization.amount() * capture.percent() / 100;
              ledger.apply(new AuthorizationUpdate.Captured(known.authorization.id(), known.authorization.cardId(),
                  CARDHOLDER, known.expectedAmount, known.authorization.currency(), known.authorization.at()));
            }).orElse(null);
        case Reverse reverse -> pick(requests, reverse.request(), known -> known.expected == ReservationStatus.COMMITTED)
            .map(known -> (Runnable) () -> {
              known.expected = ReservationStatus.RELEASED;
              ledger.apply(new AuthorizationUpdate.Reversed(known.authorization.id(), known.authorization.cardId(),
                  CARDHOLDER, known.authorization.amount(), known.authorization.currency(), known.authorization.at()));
            }).orElse(null);
        case Redeliver redeliver -> {
          message = messages.isEmpty() ? -1 : List.copyOf(messages.keySet()).get(redeliver.message() % messages.size());
          yield messages.get(message);
        }
      };
      if (delivery == null) {
        continue; // card-service would not send it: nothing pending to decide, capture or reverse
      }
      messages.putIfAbsent(message, delivery);
      if (processed.add(message)) { // the inbox: a message is handled once
        delivery.run();
      }
      assertNoWindowExceedsItsLimit(scenario, ledger.all());
    }
    // The sequences must exercise both outcomes, or the property proves little: see the coverage checks below.
    Statistics.label("limits approved some").collect(requests.stream().anyMatch(known -> known.limitsApproved));
    Statistics.label("limits declined some").collect(requests.stream().anyMatch(known -> !known.limitsApproved));
    for (Known known : requests) {
      Authorization authorization = known.authorization;
      assertThat(ledger.get(authorization.id())).isEqualTo(new Reservation(authorization.id(), authorization.cardId(),
          CARDHOLDER, known.expectedAmount, authorization.currency(), authorization.mcc(), authorization.at(), known.expected));
    }
    Statistics.label("limits approved some").coverage(coverage -> coverage.check(true).percentage(p -> p > 80));
    Statistics.label("limits declined some").coverage(coverage -> coverage.check(true).percentage(p -> p > 50));
  }

  private static Runnable request(Scenario scenario, Ledger ledger, List<Known> requests, Request request) {
    Authorization authorization = new Authorization(UUID.randomUUID(), CARDS.get(request.card()), CARDHOLDER,
        request.amount(), request.currency(), request.mcc(), "NG", Channel.POS,
        START.plus(Duration.ofMinutes(request.minutesAfterStart())), scenario.zone());
    return () -> {
      List<ScopedControls> controls = scenario.controlsOf(request.card());
      boolean breaksALimit = breaksALimit(authorization, controls, ledger.all());
      LimitDecision decision = ledger.evaluate(authorization, controls);
      assertThat(decision.approved()).as("approved %s under %s", authorization, controls).isEqualTo(!breaksALimit);
      requests.add(new Known(authorization, decision.approved()));
    };
  }

  private static Optional<Known> pick(List<Known> requests, int choice, Predicate<Known> eligible) {
    List<Known> candidates = requests.stream().filter(eligible).toList();
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(choice % candidates.size()));
  }

  /** Whether approving the authorization would take the window it falls in over some limit: worked out afresh. */
  private static boolean breaksALimit(Authorization authorization, List<ScopedControls> all, List<Reservation> reservations) {
    for (ScopedControls scoped : all) {
      List<Reservation> counted = counted(reservations, scoped.scope(), authorization.cardId());
      for (SpendingLimit limit : scoped.controls().spendingLimits()) {
        if (!limit.currency().equals(authorization.currency())
            || !limit.categories().isEmpty() && !limit.categories().contains(authorization.mcc())) {
          continue;
        }
        if (limit.interval() == Interval.PER_AUTHORIZATION) {
          if (authorization.amount() > limit.amount()) {
            return true;
          }
          continue;
        }
        TimeRange window = Windows.calendar(limit.interval(), authorization.at(), authorization.zone());
        long sum = counted.stream().filter(r -> window.contains(r.authorizedAt()) && coveredBy(limit, r))
            .mapToLong(Reservation::amount).sum();
        if (sum + authorization.amount() > limit.amount()) {
          return true;
        }
      }
      for (VelocityLimit limit : scoped.controls().velocityLimits()) {
        Instant since = authorization.at().minus(limit.window());
        List<Reservation> recent = counted.stream().filter(r -> !r.authorizedAt().isBefore(since)).toList();
        if (limit.count().isPresent() && recent.size() + 1 > limit.count().getAsInt()) {
          return true;
        }
        if (limit.amount().isPresent() && limit.currency().equals(authorization.currency())
            && recent.stream().filter(r -> r.currency().equals(limit.currency())).mapToLong(Reservation::amount).sum()
                + authorization.amount() > limit.amount().getAsLong()) {
          return true;
        }
      }
    }
    return false;
  }

  private static void assertNoWindowExceedsItsLimit(Scenario scenario, List<Reservation> reservations) {
    for (int card = 0; card < CARDS.size(); card++) {
      for (ScopedControls scoped : scenario.controlsOf(card)) {
        List<Reservation> counted = counted(reservations, scoped.scope(), CARDS.get(card));
        for (SpendingLimit limit : scoped.controls().spendingLimits()) {
          List<Reservation> covered = counted.stream().filter(r -> coveredBy(limit, r)).toList();
          if (limit.interval() == Interval.PER_AUTHORIZATION) {
            assertThat(covered).allSatisfy(r -> assertThat(r.amount()).isLessThanOrEqualTo(limit.amount()));
            continue;
          }
          Map<Object, Long> periods = covered.stream().collect(Collectors.groupingBy(
              r -> period(limit.interval(), r.authorizedAt(), scenario.zone()),
              Collectors.summingLong(Reservation::amount)));
          assertThat(periods.values()).as("%s of %s", limit, scoped.scope())
              .allSatisfy(sum -> assertThat(sum).isLessThanOrEqualTo(limit.amount()));
        }
        for (VelocityLimit limit : scoped.controls().velocityLimits()) {
          // A trailing window holds the most when it ends at an authorization.
          for (Reservation end : counted) {
            Instant since = end.authorizedAt().minus(limit.window());
            List<Reservation> inWindow = counted.stream()
                .filter(r -> !r.authorizedAt().isBefore(since) && !r.authorizedAt().isAfter(end.authorizedAt())).toList();
            limit.count().ifPresent(count -> assertThat(inWindow.size()).as("%s of %s", limit, scoped.scope())
                .isLessThanOrEqualTo(count));
            limit.amount().ifPresent(amount -> assertThat(inWindow.stream()
                .filter(r -> r.currency().equals(limit.currency())).mapToLong(Reservation::amount).sum())
                .as("%s of %s", limit, scoped.scope()).isLessThanOrEqualTo(amount));
          }
        }
      }
    }
  }

  /** The calendar period an instant falls in, worked out without {@link Windows}: its date, Monday, month or year. */
  private static Object period(Interval interval, Instant at, ZoneId zone) {
    LocalDate date = at.atZone(zone).toLocalDate();
    return switch (interval) {
      case DAILY -> date;
      case WEEKLY -> date.minusDays(date.getDayOfWeek().getValue() - 1);
      case MONTHLY -> YearMonth.from(date);
      case YEARLY -> date.getYear();
      case ALL_TIME -> "all time";
      case PER_AUTHORIZATION -> throw new IllegalArgumentException();
    };
  }

  private static List<Reservation> counted(List<Reservation> reservations, Scope scope, UUID card) {
    return reservations.stream().filter(r -> r.status().counted())
        .filter(r -> scope.subject() == Subject.CARDHOLDER || r.cardId().equals(card))
        .toList();
  }

  private static boolean coveredBy(SpendingLimit limit, Reservation reservation) {
    return limit.currency().equals(reservation.currency())
        && (limit.categories().isEmpty() || limit.categories().contains(reservation.mcc()));
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<ZoneId> zones = Arbitraries.of("Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg", "America/Santiago", "UTC")
        .map(ZoneId::of);
    return Combinators.combine(zones, controls(), controls(), controls(), controls(), operations().list().ofMinSize(10).ofMaxSize(80))
        .as(Scenario::new);
  }

  private static Arbitrary<Operation> operations() {
    Arbitrary<Operation> requests = Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.longs().between(1, 5000),
            currencies(), Arbitraries.of(MCCS), Arbitraries.integers().between(0, 3 * 24 * 60))
        .as(Request::new);
    Arbitrary<Integer> anyIndex = Arbitraries.integers().between(0, 1000);
    return Arbitraries.frequencyOf(
        Tuple.of(8, requests),
        Tuple.of(3, Combinators.combine(anyIndex, Arbitraries.of(true, true, true, false)).as(Decide::new)),
        Tuple.of(1, Combinators.combine(anyIndex, Arbitraries.integers().between(0, 100)).as(Capture::new)),
        Tuple.of(1, anyIndex.map(Reverse::new)),
        Tuple.of(1, anyIndex.map(Redeliver::new)));
  }

  private static Arbitrary<Controls> controls() {
    Arbitrary<SpendingLimit> spending = Combinators.combine(Arbitraries.longs().between(2000, 50_000), currencies(),
            Arbitraries.of(Interval.class),
            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.<String>of())),
                Tuple.of(1, Arbitraries.subsetOf("5411", "5812").ofMinSize(1).map(List::copyOf))))
        .as(SpendingLimit::new);
    Arbitrary<VelocityLimit> velocity = Combinators.combine(
            Arbitraries.integers().between(2, 10).optional(), Arbitraries.longs().between(2000, 50_000).optional(), currencies(),
            Arbitraries.integers().between(60, 6 * 3600))
        .filter((count, amount, currency, seconds) -> count.isPresent() || amount.isPresent())
        .as((count, amount, currency, seconds) -> new VelocityLimit(
            count.map(OptionalInt::of).orElse(OptionalInt.empty()), amount.map(OptionalLong::of).orElse(OptionalLong.empty()),
            amount.isPresent() ? currency : null, Duration.ofSeconds(seconds)));
    return Combinators.combine(spending.list().ofMaxSize(2), velocity.list().ofMaxSize(1))
        .as((limits, velocities) -> new Controls(limits, velocities, Optional.empty(), List.of(), Optional.empty(), List.of(),
            Optional.empty()));
  }

  private static Arbitrary<String> currencies() {
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("NGN")), Tuple.of(1, Arbitraries.just("KES")));
  }
}
