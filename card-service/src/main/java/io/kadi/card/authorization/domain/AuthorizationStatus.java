package io.kadi.card.authorization.domain;

/** Pending until decided; an approval then ends captured or reversed. */
public enum AuthorizationStatus {
  PENDING,
  APPROVED,
  DECLINED,
  CAPTURED,
  REVERSED
}
