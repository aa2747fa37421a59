package io.kadi.kit.security;

import io.kadi.kit.context.Mode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An API key as the API layer sees it: whose it is, what it may do, from where, until when, and its secret (in
 * memory only, to verify signatures).
 *
 * @param id the key id, {@code ksk_test_...} or {@code ksk_live_...}: not secret, it names the key in every request
 * @param revokedAt when the key, or its whole client, was revoked; null while it is not
 * @param expiresAt when a rotated-out key stops working; null for a current key
 * @param totp the client's TOTP seed for step-up, still sealed; null when it has none
 */
public record ApiKey(String id, UUID clientId, UUID programId, Mode mode, Set<String> scopes, List<Cidr> allowedIps,
    byte[] secret, Instant expiresAt, Instant revokedAt, Totp totp) {

  /** A client's sealed TOTP seed, and whether a code from the app it was loaded into confirmed it. */
  public record Totp(int keyVersion, byte[] ciphertext, boolean confirmed) {}

  /** What a client's TOTP seed is sealed to: a seed copied onto another client does not decrypt. */
  public static String totpOwner(UUID clientId) {
    return "totp:" + clientId;
  }

  public static final String SANDBOX_PREFIX = "ksk_test_";
  public static final String LIVE_PREFIX = "ksk_live_";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new key id and secret of the mode: 128 random bits in the id, 256 in the secret. */
  public static Generated generate(Mode mode) {
    byte[] id = new byte[16];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    String tag = mode == Mode.LIVE ? "live_" : "test_";
    return new Generated("ksk_" + tag + HexFormat.of().formatHex(id),
        "kss_" + tag + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** A key id and secret as generated: the secret is shown once, then only its encryption is kept. */
  public record Generated(String keyId, String secret) {
    @Override
    public String toString() {
      return "Generated[" + keyId + "]";
    }
  }

  /** The mode a key id names by its prefix, if it has one of the two. */
  public static Optional<Mode> modeOf(String keyId) {
    if (keyId == null) {
      return Optional.empty();
    }
    if (keyId.startsWith(SANDBOX_PREFIX)) {
      return Optional.of(Mode.SANDBOX);
    }
    return keyId.startsWith(LIVE_PREFIX) ? Optional.of(Mode.LIVE) : Optional.empty();
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  public boolean admits(java.net.InetAddress source) {
    return allowedIps.isEmpty() || allowedIps.stream().anyMatch(network -> network.contains(source));
  }

  @Override
  public String toString() {
    return "ApiKey[" + id + ", client " + clientId + ", " + mode.wireName() + "]";
  }
}
