package io.kadi.card.controls.domain;

/** How a card is presented: online, at a point-of-sale terminal, or at a cash machine. */
public enum Channel {
  ECOMMERCE,
  POS,
  ATM
}
