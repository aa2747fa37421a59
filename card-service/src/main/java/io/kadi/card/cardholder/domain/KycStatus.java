package io.kadi.card.cardholder.domain;

/** Know-your-customer status. Only a verified cardholder may hold cards. */
public enum KycStatus {
  PENDING,
  VERIFIED,
  REJECTED
}
