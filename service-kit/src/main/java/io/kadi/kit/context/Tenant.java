package io.kadi.kit.context;

import java.util.Objects;
import java.util.UUID;

/**
 * The objects a unit of work may see and change: those of one mode and, for an API client, of its card program.
 *
 * @param programId the program, or null for work that is not an API client's (caused by a record, which Kafka's own
 *     access control admitted), which sees every program's objects of the mode
 */
public record Tenant(Mode mode, UUID programId) {

  public Tenant {
    Objects.requireNonNull(mode, "mode");
  }

  /** Every program's objects of the mode. */
  public static Tenant anyProgram(Mode mode) {
    return new Tenant(mode, null);
  }
}
