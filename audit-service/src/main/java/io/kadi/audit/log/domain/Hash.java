package io.kadi.audit.log.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A hash of the chain. Any bytes are accepted, not only 32: a tampered row may hold anything, and verification must
 * report it rather than fail on it.
 */
public record Hash(byte[] bytes) {

  /** What the first entry of a chain links to. */
  public static final Hash ZERO = new Hash(new byte[32]);

  public Hash {
    bytes = bytes.clone();
  }

  /** SHA-256(previous || canonicalForm): the hash of an entry, which commits to every entry before it. */
  public static Hash chaining(Hash previous, byte[] canonicalForm) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previous.bytes);
      return new Hash(sha256.digest(canonicalForm));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform provides SHA-256", e);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lower-case hex, as the audit topic and the verify endpoint show it. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash hash && Arrays.equals(bytes, hash.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
