package io.kadi.card.issuing.domain;

public enum CardType {
  VIRTUAL,
  PHYSICAL
}
