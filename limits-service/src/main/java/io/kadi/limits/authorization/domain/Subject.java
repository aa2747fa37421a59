package io.kadi.limits.authorization.domain;

/** Whose authorizations a limit counts: those of the card, or those of every card of the cardholder. */
public enum Subject {
  CARD,
  CARDHOLDER
}
