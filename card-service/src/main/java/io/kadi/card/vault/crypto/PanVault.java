package io.kadi.card.vault.crypto;

import io.kadi.card.vault.domain.Pan;
import io.kadi.kit.security.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts PANs with AES-256-GCM under the active key version ({@link SecretCipher}). The card id is the associated
 * data, so a ciphertext copied onto another card's row does not decrypt. Rotation: add a new key version and make it
 * active; PANs written under older versions still decrypt, and can be re-encrypted at leisure.
 */
public final class PanVault {

  private static final String SETTINGS = "kadi.card.pan-vault";

  private final SecretCipher cipher;
  private final SecretKeySpec fingerprintKey;
  private final SecretKeySpec cvvKey;

  public PanVault(PanVaultProperties properties) {
    this.cipher = new SecretCipher(SETTINGS, properties.keys(), properties.activeKeyVersion());
    this.fingerprintKey = new SecretKeySpec(
        SecretCipher.decode32(SETTINGS + ".fingerprint-key", properties.fingerprintKey()), "HmacSHA256");
    // A key of its own for CVVs, derived from the fingerprint key under a label of its own, so that neither value
    // says anything about the other and no setting is added.
    this.cvvKey = new SecretKeySpec(hmac(fingerprintKey, "kadi-cvv-key-v1"), "HmacSHA256");
  }

  public EncryptedPan encrypt(UUID cardId, Pan pan) {
    SecretCipher.Sealed sealed = cipher.seal(cardId.toString(), pan.reveal().getBytes(StandardCharsets.US_ASCII));
    return new EncryptedPan(sealed.keyVersion(), sealed.ciphertext(), fingerprint(pan));
  }

  public Pan decrypt(UUID cardId, int keyVersion, byte[] ciphertext, int binLength) {
    return Pan.of(new String(cipher.open(cardId.toString(), keyVersion, ciphertext), StandardCharsets.US_ASCII), binLength);
  }

  public byte[] fingerprint(Pan pan) {
    return hmac(fingerprintKey, pan.reveal());
  }

  /**
   * The card's CVV2, derived when asked and never stored: three digits from an HMAC of the PAN and expiry under the
   * vault's CVV key, the same every time for the same card. It stands in for the issuer processor's CVK computation
   * (a card scheme's algorithm, in an HSM), which a deployment behind a real network replaces.
   */
  public String cvv(Pan pan, YearMonth expiry) {
    byte[] mac = hmac(cvvKey, "cvv2:" + pan.reveal() + ":" + expiry);
    return "%03d".formatted(Integer.toUnsignedLong(ByteBuffer.wrap(mac).getInt()) % 1000);
  }

  private static byte[] hmac(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }
}
