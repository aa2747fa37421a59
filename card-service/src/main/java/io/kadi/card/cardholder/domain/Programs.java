package io.kadi.card.cardholder.domain;

import java.util.UUID;

/** Card programs, the tenants of Kadi: each cardholder belongs to one, and its cards to the same. */
public final class Programs {

  /**
   * The program of the cardholders and cards written before programs existed, and of the operator card-service
   * bootstraps. The migration V3__programs.sql makes it, named {@code default}.
   */
  public static final UUID DEFAULT = new UUID(0, 0);

  private Programs() {}
}
