package io.kadi.kit.ratelimit;

import java.util.Locale;

/** What a request does, as far as rate limits are concerned: each class has its own limit per client. */
public enum RateClass {

  /** Reading state: getting a card, listing cards, reading a balance. */
  READ,

  /** Changing state: funding, freezing, authorizations, cardholder updates. */
  WRITE,

  /** What must stay rare even for a trusted client: key management, revealing a PAN, bulk issuance. */
  SENSITIVE;

  /** The class as a bucket's key and a problem's {@code rate_class} show it: {@code read}, {@code write}, {@code sensitive}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
