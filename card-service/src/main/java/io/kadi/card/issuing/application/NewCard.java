package io.kadi.card.issuing.application;

import io.kadi.card.issuing.domain.CardType;
import java.util.UUID;

/** A request to issue a card, from REST or from the command topic. The currency is checked by the service. */
public record NewCard(UUID cardholderId, CardType type, String currency) {}
