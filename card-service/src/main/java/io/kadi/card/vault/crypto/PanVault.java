package io.kadi.card.vault.crypto;

import io.kadi.card.vault.domain.Pan;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts PANs with AES-256-GCM under the active key version. The card id is the associated data, so a ciphertext
 * copied onto another card's row does not decrypt. Rotation: add a new key version and make it active; PANs written
 * under older versions still decrypt, and can be re-encrypted at leisure.
 */
public final class PanVault {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<Integer, SecretKeySpec> keys = new TreeMap<>();
  private final int activeVersion;
  private final SecretKeySpec fingerprintKey;
  private final SecureRandom random = new SecureRandom();

  public PanVault(PanVaultProperties properties) {
    if (properties.keys() == null || properties.keys().isEmpty() || properties.activeKeyVersion() == null) {
      throw new IllegalStateException("""
          The PAN vault has no key. Set kadi.card.pan-vault.keys.<version> to 32 random bytes in base64 (for example \
          `openssl rand -base64 32`), kadi.card.pan-vault.active-key-version to that version, and \
          kadi.card.pan-vault.fingerprint-key to another 32 random bytes.""");
    }
    properties.keys().forEach((version, key) -> keys.put(version, new SecretKeySpec(decode32("keys." + version, key), "AES")));
    if (!keys.containsKey(properties.activeKeyVersion())) {
      throw new IllegalStateException("kadi.card.pan-vault.active-key-version " + properties.activeKeyVersion()
          + " names no key in kadi.card.pan-vault.keys");
    }
    this.activeVersion = properties.activeKeyVersion();
    this.fingerprintKey = new SecretKeySpec(decode32("fingerprint-key", properties.fingerprintKey()), "HmacSHA256");
  }

  public EncryptedPan encrypt(UUID cardId, Pan pan) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(activeVersion), nonce, cardId, pan.reveal().getBytes(StandardCharsets.US_ASCII));
    return new EncryptedPan(activeVersion,
        ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array(),
        fingerprint(pan));
  }

  public Pan decrypt(UUID cardId, int keyVersion, byte[] ciphertext, int binLength) {
    SecretKeySpec key = keys.get(keyVersion);
    if (key == null) {
      throw new IllegalStateException("No PAN vault key of version " + keyVersion + " is configured");
    }
    byte[] nonce = java.util.Arrays.copyOfRange(ciphertext, 0, NONCE_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(ciphertext, NONCE_BYTES, ciphertext.length);
    return Pan.of(new String(crypt(Cipher.DECRYPT_MODE, key, nonce, cardId, sealed), StandardCharsets.US_ASCII), binLength);
  }

  public byte[] fingerprint(Pan pan) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(fingerprintKey);
      return mac.doFinal(pan.reveal().getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, UUID cardId, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(cardId.toString().getBytes(StandardCharsets.US_ASCII));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      // Deliberately without the input: it may be a PAN.
      throw new IllegalStateException("PAN " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
          + " failed for card " + cardId + ": " + e.getClass().getSimpleName());
    }
  }

  private static byte[] decode32(String name, String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("kadi.card.pan-vault." + name + " is not base64");
    }
    if (key.length != 32) {
      throw new IllegalStateException("kadi.card.pan-vault." + name + " must be 32 bytes (base64 of 32 random bytes), not " + key.length);
    }
    return key;
  }
}
