package io.kadi.card.authorization.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.issuing.domain.Card;
import io.kadi.card.outcome.Outcome;
import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random sequences of fundings, requests, results (some delivered twice), stand-in decisions, captures and
 * reversals, applied the way AuthorizationService applies them: funded = available + held + captured at every step,
 * the card holds exactly what its authorizations hold, and nothing goes negative.
 */
class BalancesAddUpPropertyTest {

  sealed interface Step {}

  record Fund(long amount) implements Step {}

  record Request(long amount) implements Step {}

  record Limits(int which, boolean approved) implements Step {}

  record Risk(int which, RiskResult.Action action) implements Step {}

  record Redeliver(int which) implements Step {}

  record TimeOut(int which, StandIn policy) implements Step {}

  record Capture(int which, long amount) implements Step {}

  record Reverse(int which) implements Step {}

  @Property(tries = 500)
  void fundedIsAvailablePlusHeldPlusCaptured(@ForAll("steps") List<Step> steps) {
    Card card = Cards.funded(0);
    long funded = 0;
    List<Authorization> authorizations = new ArrayList<>();
    List<Step> lastResult = new ArrayList<>();
    for (Step step : steps) {
      switch (step) {
        case Fund(long amount) -> {
          card = ((Outcome.Done<Card>) card.fund(new Money(amount, IsoCurrency.NGN))).value();
          funded += amount;
        }
        case Request(long amount) -> {
          Authorization.Requested requested = Cards.request(card, amount);
          authorizations.add(requested.authorization());
          card = requested.card();
        }
        case Limits limits -> card = onResult(card, authorizations, limits.which(),
            a -> a.withLimits(new LimitsResult(limits.approved(), limits.approved() ? List.of() : List.of("spending_limit"))), lastResult, step);
        case Risk risk -> card = onResult(card, authorizations, risk.which(),
            a -> a.withRisk(new RiskResult(50, risk.action())), lastResult, step);
        case Redeliver(int which) -> {
          if (!lastResult.isEmpty()) {
            Step again = lastResult.getLast();
            card = switch (again) {
              case Limits l -> onResult(card, authorizations, l.which(), a -> a.withLimits(new LimitsResult(l.approved(),
                  l.approved() ? List.of() : List.of("spending_limit"))), lastResult, again);
              case Risk r -> onResult(card, authorizations, r.which(), a -> a.withRisk(new RiskResult(50, r.action())),
                  lastResult, again);
              default -> card;
            };
          }
        }
        case TimeOut(int which, StandIn policy) -> {
          int index = index(which, authorizations);
          if (index >= 0 && authorizations.get(index).pending()) {
            card = apply(card, authorizations, index, authorizations.get(index).standIn(policy, Cards.NOW));
          }
        }
        case Capture(int which, long amount) -> {
          int index = index(which, authorizations);
          if (index >= 0 && authorizations.get(index).capture(amount) instanceof Outcome.Done<Authorization>(var next)) {
            card = apply(card, authorizations, index, next);
          }
        }
        case Reverse(int which) -> {
          int index = index(which, authorizations);
          if (index >= 0 && authorizations.get(index).reverse() instanceof Outcome.Done<Authorization>(var next)) {
            card = apply(card, authorizations, index, next);
          }
        }
      }
      long held = authorizations.stream().mapToLong(Authorization::held).sum();
      long captured = authorizations.stream().mapToLong(Authorization::captured).sum();
      assertThat(card.available()).isNotNegative();
      assertThat(card.held()).isEqualTo(held);
      assertThat(card.available() + held + captured).as("after %s", step).isEqualTo(funded);
    }
  }

  private static Card onResult(Card card, List<Authorization> authorizations, int which,
      UnaryOperator<Authorization> addResult, List<Step> lastResult, Step step) {
    lastResult.add(step);
    int index = index(which, authorizations);
    if (index < 0 || !authorizations.get(index).pending()) {
      return card;
    }
    Authorization withResult = addResult.apply(authorizations.get(index));
    Optional<Authorization> decided = withResult.decideOnResults(Cards.NOW);
    if (decided.isEmpty()) {
      authorizations.set(index, withResult);
      return card;
    }
    return apply(card, authorizations, index, decided.get());
  }

  private static Card apply(Card card, List<Authorization> authorizations, int index, Authorization next) {
    Authorization before = authorizations.get(index);
    authorizations.set(index, next);
    return card.settle(before.releasedBy(next), before.capturedBy(next));
  }

  private static int index(int which, List<Authorization> authorizations) {
    return authorizations.isEmpty() ? -1 : which % authorizations.size();
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Long> amounts = Arbitraries.longs().between(1, 50_000);
    Arbitrary<Integer> which = Arbitraries.integers().between(0, 1_000);
    return Arbitraries.<Step>oneOf(
        amounts.map(Fund::new),
        amounts.map(Request::new),
        amounts.map(Request::new),
        Combinators.combine(which, Arbitraries.of(true, true, false)).as(Limits::new),
        Combinators.combine(which, Arbitraries.of(RiskResult.Action.class)).as(Risk::new),
        which.map(Redeliver::new),
        Combinators.combine(which, Arbitraries.of(StandIn.class)).as(TimeOut::new),
        Combinators.combine(which, amounts).as(Capture::new),
        which.map(Reverse::new)).list().ofMaxSize(60);
  }
}
