package io.kadi.risk.scoring.domain;

/** How the card was presented: online (card not present), at a point-of-sale terminal, or at a cash machine. */
public enum Channel {
  ECOMMERCE,
  POS,
  ATM
}
