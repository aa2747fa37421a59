package io.kadi.card.issuing.application;

import io.kadi.card.issuing.domain.Card;
import io.kadi.card.issuing.domain.Funding;

/**
 * A funding and the card after it.
 *
 * @param replayed true when the reference had already funded this card with the same amount: nothing new happened
 */
public record FundingResult(Funding funding, Card card, boolean replayed) {}
