package io.kadi.kit.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (API secrets, TOTP seeds, PANs) with AES-256-GCM under the active key version. HMAC needs the secret
 * itself to verify a signature, so a one-way hash would not do; encryption keeps a stolen table useless without the
 * key. What a secret belongs to (its key id) is the associated data, so a ciphertext copied onto another row does not
 * decrypt. Rotation: add a new version and make it active; older versions keep decrypting.
 */
public final class SecretCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String settings;
  private final Map<Integer, SecretKeySpec> keys = new TreeMap<>();
  private final int activeVersion;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param settings where the keys are configured, for the messages: {@code kadi.api.security.secrets} has
   *     {@code .keys.<version>} and {@code .active-key-version}
   */
  public SecretCipher(String settings, Map<Integer, String> base64Keys, Integer activeVersion) {
    this.settings = settings;
    if (base64Keys == null || base64Keys.isEmpty() || activeVersion == null) {
      throw new IllegalStateException("No encryption key is configured. Set " + settings + ".keys.<version> to 32 random "
          + "bytes in base64 (for example `openssl rand -base64 32`) and " + settings + ".active-key-version to that version.");
    }
    base64Keys.forEach((version, key) -> keys.put(version, new SecretKeySpec(decode32(settings + ".keys." + version, key), "AES")));
    if (!keys.containsKey(activeVersion)) {
      throw new IllegalStateException(settings + ".active-key-version " + activeVersion + " names no key in " + settings + ".keys");
    }
    this.activeVersion = activeVersion;
  }

  /** A sealed secret: the key version it was encrypted under, and nonce plus ciphertext. */
  public record Sealed(int keyVersion, byte[] ciphertext) {}

  public Sealed seal(String owner, byte[] secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(activeVersion), nonce, owner, secret);
    return new Sealed(activeVersion, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
  }

  public byte[] open(String owner, int keyVersion, byte[] ciphertext) {
    SecretKeySpec key = keys.get(keyVersion);
    if (key == null) {
      throw new IllegalStateException("No key of version " + keyVersion + " is configured in " + settings + ".keys");
    }
    return crypt(Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(ciphertext, 0, NONCE_BYTES), owner,
        Arrays.copyOfRange(ciphertext, NONCE_BYTES, ciphertext.length));
  }

  private byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, String owner, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      // Deliberately without the input: it is a secret.
      throw new IllegalStateException(settings + ": " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
          + " failed for " + owner + ": " + e.getClass().getSimpleName());
    }
  }

  /** A 32-byte key from base64 configuration; {@code name} is its setting, for the messages. */
  public static byte[] decode32(String name, String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not base64");
    }
    if (key.length != 32) {
      throw new IllegalStateException(name + " must be 32 bytes (base64 of 32 random bytes), not " + key.length);
    }
    return key;
  }
}
