package io.kadi.card.authorization.domain;

import static io.kadi.card.authorization.domain.Cards.NOW;
import static io.kadi.card.authorization.domain.Cards.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.card.controls.domain.Channel;
import io.kadi.card.issuing.domain.Card;
import io.kadi.card.issuing.domain.CardStatus;
import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.kit.context.Mode;
import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthorizationRulesTest {

  static final LimitsResult LIMITS_APPROVE = new LimitsResult(true, List.of());
  static final RiskResult RISK_ALLOW = new RiskResult(10, RiskResult.Action.ALLOW);

  @Test
  void holdsTheAmountOfAnAcceptableRequest() {
    Authorization.Requested requested = Cards.request(Cards.funded(10_000), 2_500);

    assertThat(requested.authorization().status()).isEqualTo(AuthorizationStatus.PENDING);
    assertThat(requested.authorization().held()).isEqualTo(2_500);
    assertThat(requested.card().available()).isEqualTo(7_500);
    assertThat(requested.card().held()).isEqualTo(2_500);
  }

  @Test
  void declinesAtRequestInTheDocumentedOrder() {
    Card frozenExpiredAndEmpty = Cards.card(CardStatus.FROZEN, 0, YearMonth.of(2020, 1));
    Card expiredAndEmpty = Cards.card(CardStatus.ACTIVE, 0, YearMonth.of(2026, 10));
    Money naira = new Money(100, IsoCurrency.NGN);

    assertThat(Authorization.checkAtRequest(frozenExpiredAndEmpty, false, naira, NOW)).contains(DeclineReason.CARD_NOT_ACTIVE);
    assertThat(Authorization.checkAtRequest(expiredAndEmpty, false, naira, NOW)).contains(DeclineReason.CARD_EXPIRED);
    assertThat(Authorization.checkAtRequest(Cards.funded(0), false, naira, NOW)).contains(DeclineReason.KYC_NOT_VERIFIED);
    assertThat(Authorization.checkAtRequest(Cards.funded(0), true, new Money(100, IsoCurrency.KES), NOW))
        .contains(DeclineReason.CURRENCY_MISMATCH);
    assertThat(Authorization.checkAtRequest(Cards.funded(99), true, naira, NOW)).contains(DeclineReason.INSUFFICIENT_FUNDS);
    assertThat(Authorization.checkAtRequest(Cards.funded(100), true, naira, NOW)).isEmpty();
  }

  @Test
  void inSandboxTheSimulatedAmountIsDeclinedForFundsWhateverTheBalanceAfterTheOtherChecks() {
    Money simulated = new Money(40_051, IsoCurrency.NGN);
    Card frozen = Cards.card(CardStatus.FROZEN, 100_000, YearMonth.of(2029, 11));

    Authorization.Requested declined = Cards.request(Cards.funded(100_000), 40_051);

    assertThat(declined.authorization().status()).isEqualTo(AuthorizationStatus.DECLINED);
    assertThat(declined.authorization().declineReason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
    assertThat(declined.authorization().held()).isZero();
    assertThat(declined.card().available()).isEqualTo(100_000);
    assertThat(Authorization.checkAtRequest(frozen, true, simulated, NOW)).contains(DeclineReason.CARD_NOT_ACTIVE);
    assertThat(Authorization.checkAtRequest(Cards.funded(100_000), true, new Money(40_050, IsoCurrency.NGN), NOW)).isEmpty();
  }

  @Test
  void inLiveTheSimulatedAmountIsHeldAsAnyOther() {
    Authorization.Requested held = Cards.request(Cards.funded(Mode.LIVE, 100_000), 40_051);

    assertThat(held.authorization().status()).isEqualTo(AuthorizationStatus.PENDING);
    assertThat(held.authorization().held()).isEqualTo(40_051);
    assertThat(held.card().available()).isEqualTo(100_000 - 40_051);
  }

  @Test
  void aCardIsValidThroughTheLastDayOfItsExpiryMonth() {
    Card expiringThisMonth = Cards.card(CardStatus.ACTIVE, 100, YearMonth.of(2026, 11));

    assertThat(Authorization.checkAtRequest(expiringThisMonth, true, new Money(100, IsoCurrency.NGN), NOW)).isEmpty();
  }

  @Test
  void aDeclinedRequestHoldsNothing() {
    Card card = Cards.funded(1_000);
    Authorization.Requested requested = Cards.request(card, 1_001);

    assertThat(requested.authorization().status()).isEqualTo(AuthorizationStatus.DECLINED);
    assertThat(requested.authorization().declineReason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
    assertThat(requested.authorization().decidedAt()).isEqualTo(NOW);
    assertThat(requested.authorization().held()).isZero();
    assertThat(requested.card()).isEqualTo(card);
  }

  @Test
  void approvesOnlyOnceBothResultsApprove() {
    Authorization pending = Cards.request(Cards.funded(10_000), 2_500).authorization();

    assertThat(pending.withLimits(LIMITS_APPROVE).decideOnResults(NOW)).isEmpty();
    assertThat(pending.withRisk(new RiskResult(60, RiskResult.Action.REVIEW)).decideOnResults(NOW)).isEmpty();
    Authorization approved = pending.withLimits(LIMITS_APPROVE).withRisk(new RiskResult(60, RiskResult.Action.REVIEW))
        .decideOnResults(NOW).orElseThrow();
    assertThat(approved.status()).isEqualTo(AuthorizationStatus.APPROVED);
    assertThat(approved.held()).isEqualTo(2_500);
    assertThat(pending.releasedBy(approved)).isZero();
  }

  @Test
  void declinesAsSoonAsEitherResultDeclines() {
    Authorization pending = Cards.request(Cards.funded(10_000), 2_500).authorization();

    Authorization byLimits = pending.withLimits(new LimitsResult(false, List.of("velocity_limit", "blocked_country")))
        .decideOnResults(NOW).orElseThrow();
    Authorization byRisk = pending.withRisk(new RiskResult(95, RiskResult.Action.BLOCK)).decideOnResults(NOW).orElseThrow();

    assertThat(byLimits.declineReason()).isEqualTo(DeclineReason.BLOCKED_COUNTRY);
    assertThat(byRisk.declineReason()).isEqualTo(DeclineReason.RISK_BLOCK);
    assertThat(pending.releasedBy(byLimits)).isEqualTo(2_500);
    assertThat(byLimits.held()).isZero();
  }

  @Test
  void aViolationCodeFromANewerLimitsServiceStillDeclines() {
    assertThat(new LimitsResult(false, List.of("lunar_phase")).declineReason()).isEqualTo(DeclineReason.SPENDING_LIMIT);
  }

  @Test
  void aDecidedAuthorizationIgnoresLaterResults() {
    Authorization declined = Cards.request(Cards.funded(10_000), 2_500).authorization().standIn(StandIn.DECLINE, NOW);

    assertThat(declined.withLimits(LIMITS_APPROVE).withRisk(RISK_ALLOW).decideOnResults(NOW)).isEmpty();
  }

  @Test
  void theStandInDeclinesOnTimeoutOrApprovesWhatNoResultDeclined() {
    Authorization pending = Cards.request(Cards.funded(10_000), 2_500).authorization();

    Authorization declined = pending.standIn(StandIn.DECLINE, NOW);
    Authorization approved = pending.withLimits(LIMITS_APPROVE).standIn(StandIn.APPROVE, NOW);

    assertThat(declined.declineReason()).isEqualTo(DeclineReason.TIMEOUT);
    assertThat(declined.standIn()).isTrue();
    assertThat(approved.status()).isEqualTo(AuthorizationStatus.APPROVED);
    assertThat(approved.standIn()).isTrue();
    assertThatThrownBy(() -> declined.standIn(StandIn.DECLINE, NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void capturesAtMostWhatWasApprovedAndReleasesTheRest() {
    Authorization approved = approved(2_500);

    Authorization captured = done(approved.capture(2_000));

    assertThat(captured.status()).isEqualTo(AuthorizationStatus.CAPTURED);
    assertThat(approved.capturedBy(captured)).isEqualTo(2_000);
    assertThat(approved.releasedBy(captured)).isEqualTo(500);
    assertThat(refusal(approved.capture(2_501))).isEqualTo(RefusalCode.INVALID_AMOUNT);
    assertThat(refusal(approved.capture(0))).isEqualTo(RefusalCode.INVALID_AMOUNT);
    assertThat(refusal(captured.capture(1))).isEqualTo(RefusalCode.INVALID_AUTHORIZATION_STATE);
    assertThat(refusal(captured.reverse())).isEqualTo(RefusalCode.INVALID_AUTHORIZATION_STATE);
  }

  @Test
  void reversesOnlyAnApprovedAuthorization() {
    Authorization approved = approved(2_500);
    Authorization pending = Cards.request(Cards.funded(10_000), 2_500).authorization();

    Authorization reversed = done(approved.reverse());

    assertThat(approved.releasedBy(reversed)).isEqualTo(2_500);
    assertThat(refusal(pending.reverse())).isEqualTo(RefusalCode.INVALID_AUTHORIZATION_STATE);
    assertThat(refusal(reversed.reverse())).isEqualTo(RefusalCode.INVALID_AUTHORIZATION_STATE);
  }

  @Test
  void aCardCannotHoldMoreThanItsAvailableBalanceNorReleaseMoreThanItHolds() {
    Card card = Cards.funded(100);

    assertThatThrownBy(() -> card.hold(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> card.hold(60).settle(50, 11)).isInstanceOf(IllegalArgumentException.class);
  }

  static Authorization approved(long amount) {
    return Authorization.request(UUID.randomUUID(), Cards.funded(10_000), true, new Money(amount, IsoCurrency.NGN), SHOP,
        Channel.POS, NOW).authorization().withLimits(LIMITS_APPROVE).withRisk(RISK_ALLOW).decideOnResults(NOW).orElseThrow();
  }

  private static Authorization done(Outcome<Authorization> outcome) {
    return ((Outcome.Done<Authorization>) outcome).value();
  }

  private static RefusalCode refusal(Outcome<Authorization> outcome) {
    return ((Outcome.Refused<Authorization>) outcome).refusal().code();
  }
}
