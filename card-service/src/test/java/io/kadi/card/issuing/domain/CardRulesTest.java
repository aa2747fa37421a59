package io.kadi.card.issuing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.Refusal;
import io.kadi.card.outcome.RefusalCode;
import io.kadi.kit.context.Mode;
import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardRulesTest {

  private final Card active = Card.issue(UUID.randomUUID(), UUID.randomUUID(), Mode.SANDBOX, UUID.randomUUID(),
      CardType.VIRTUAL, IsoCurrency.NGN, "506099", "4242", YearMonth.of(2029, 11), Instant.now());

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
      "ACTIVE, FREEZE, FROZEN",
      "ACTIVE, UNFREEZE, ",
      "ACTIVE, TERMINATE, TERMINATED",
      "FROZEN, FREEZE, ",
      "FROZEN, UNFREEZE, ACTIVE",
      "FROZEN, TERMINATE, TERMINATED",
      "TERMINATED, FREEZE, ",
      "TERMINATED, UNFREEZE, ",
      "TERMINATED, TERMINATE, "})
  void theLifecycleAllowsExactlyTheseTransitions(CardStatus from, LifecycleAction action, CardStatus to) {
    Outcome<Card> outcome = in(from).apply(action);

    if (to == null) {
      assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
          refused -> assertThat(refused.refusal().code()).isEqualTo(RefusalCode.INVALID_CARD_STATE));
    } else {
      assertThat(outcome).isEqualTo(Outcome.done(in(to)));
    }
  }

  @Test
  void refusalsSayWhy() {
    assertThat(refusal(in(CardStatus.ACTIVE).apply(LifecycleAction.UNFREEZE)).detail())
        .isEqualTo("A card that is active cannot be unfrozen.");
    assertThat(refusal(in(CardStatus.TERMINATED).apply(LifecycleAction.UNFREEZE)).detail())
        .isEqualTo("The card is terminated, which is final.");
  }

  @Test
  void fundingAddsToTheAvailableBalanceOfActiveAndFrozenCards() {
    Money amount = new Money(150_000, IsoCurrency.NGN);

    assertThat(active.fund(amount)).isInstanceOfSatisfying(Outcome.Done.class,
        done -> assertThat(((Card) done.value()).available()).isEqualTo(150_000));
    assertThat(in(CardStatus.FROZEN).fund(amount)).isInstanceOf(Outcome.Done.class);
  }

  @Test
  void fundingIsRefusedOnATerminatedCardInAnotherCurrencyAndBeyondWhatNetworksCarry() {
    assertThat(refusal(in(CardStatus.TERMINATED).fund(new Money(1, IsoCurrency.NGN))).code())
        .isEqualTo(RefusalCode.INVALID_CARD_STATE);
    assertThat(refusal(active.fund(new Money(1, IsoCurrency.KES))).code()).isEqualTo(RefusalCode.CURRENCY_MISMATCH);
    Card nearlyFull = active.fund(new Money(Amounts.MAX_MINOR_UNITS, IsoCurrency.NGN)) instanceof Outcome.Done<Card>(Card c) ? c : null;
    assertThat(refusal(nearlyFull.fund(new Money(1, IsoCurrency.NGN))).code()).isEqualTo(RefusalCode.INVALID_AMOUNT);
  }

  @Test
  void amountsArePositiveWholeMinorUnitsOfASupportedCurrency() {
    assertThat(Amounts.money(1, "UGX")).isEqualTo(Outcome.done(new Money(1, IsoCurrency.UGX)));
    assertThat(refusal(Amounts.money(0, "NGN")).code()).isEqualTo(RefusalCode.INVALID_AMOUNT);
    assertThat(refusal(Amounts.money(-5, "NGN")).code()).isEqualTo(RefusalCode.INVALID_AMOUNT);
    assertThat(refusal(Amounts.money(Amounts.MAX_MINOR_UNITS + 1, "NGN")).code()).isEqualTo(RefusalCode.INVALID_AMOUNT);
    assertThat(refusal(Amounts.money(100, "XYZ")).detail()).contains("'XYZ' is not an ISO 4217 currency code");
    assertThat(refusal(Amounts.money(100, "JPY")).detail()).contains("JPY is not a currency Kadi issues cards in");
    assertThat(refusal(Amounts.money(100, "JPY")).code()).isEqualTo(RefusalCode.UNSUPPORTED_CURRENCY);
  }

  @Test
  void aReasonIsOptionalAndAtMostTwoHundredCharacters() {
    assertThat(Card.reason(null)).isEqualTo(Outcome.done(null));
    assertThat(Card.reason("x".repeat(200))).isInstanceOf(Outcome.Done.class);
    assertThat(refusal(Card.reason("x".repeat(201))).code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
  }

  @Test
  void aFundingReferenceHasOneToAHundredCharacters() {
    assertThat(Funding.reference("inv-1")).isEqualTo(Outcome.done("inv-1"));
    assertThat(refusal(Funding.reference(" ")).code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
    assertThat(refusal(Funding.reference("x".repeat(101))).code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
  }

  private Card in(CardStatus status) {
    return new Card(active.id(), active.cardholderId(), active.mode(), active.programId(), active.type(), active.currency(), status,
        active.bin(), active.last4(), active.expiry(), active.available(), active.held(), active.createdAt());
  }

  private static Refusal refusal(Outcome<?> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Refused.class);
    return ((Outcome.Refused<?>) outcome).refusal();
  }
}
