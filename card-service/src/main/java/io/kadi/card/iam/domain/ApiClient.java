package io.kadi.card.iam.domain;

import io.kadi.kit.context.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An API client: who it is for (a program, a mode), what it may do (scopes, from roles), from where (its
 * allowlist, empty for anywhere), and its keys.
 */
public record ApiClient(UUID id, UUID programId, String name, Mode mode, List<String> roles, Set<String> scopes,
    List<String> allowedIps, String createdBy, Instant createdAt, Instant revokedAt, Totp totp, List<Key> keys) {

  /**
   * Where the client's TOTP for step-up stands: none; a seed enrolled and waiting for its first code; or a confirmed
   * seed (a new one may be pending beside it).
   */
  public enum Totp { NONE, PENDING, CONFIRMED }

  /** One of the client's keys: never its secret, which is shown once when the key is made. */
  public record Key(String id, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {}

  public boolean isRevoked() {
    return revokedAt != null;
  }
}
