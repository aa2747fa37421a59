package io.kadi.card.controls.domain;

/** Whose spending controls: a card's, or a cardholder's, which apply to all the cardholder's cards together. */
public enum ControlsOwner {
  CARD,
  CARDHOLDER
}
