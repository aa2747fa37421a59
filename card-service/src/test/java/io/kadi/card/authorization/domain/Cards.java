package io.kadi.card.authorization.domain;

import io.kadi.card.controls.domain.Channel;
import io.kadi.card.issuing.domain.Card;
import io.kadi.card.issuing.domain.CardStatus;
import io.kadi.card.issuing.domain.CardType;
import io.kadi.kit.context.Mode;
import io.kadi.kit.money.IsoCurrency;
import io.kadi.kit.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** Cards and authorizations for domain tests. */
final class Cards {

  static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
  static final Merchant SHOP = new Merchant("Shoprite Lekki", "5411", "NG", "Lagos");

  private Cards() {}

  static Card card(CardStatus status, long available, YearMonth expiry) {
    return card(Mode.SANDBOX, status, available, expiry);
  }

  static Card card(Mode mode, CardStatus status, long available, YearMonth expiry) {
    return new Card(UUID.randomUUID(), UUID.randomUUID(), mode, UUID.randomUUID(), CardType.VIRTUAL,
        IsoCurrency.NGN, status, "506099", "1234", expiry, available, 0, NOW);
  }

  static Card funded(long available) {
    return funded(Mode.SANDBOX, available);
  }

  static Card funded(Mode mode, long available) {
    return card(mode, CardStatus.ACTIVE, available, YearMonth.of(2029, 11));
  }

  static Authorization.Requested request(Card card, long amount) {
    return Authorization.request(UUID.randomUUID(), card, true, new Money(amount, IsoCurrency.NGN), SHOP, Channel.POS, NOW);
  }
}
