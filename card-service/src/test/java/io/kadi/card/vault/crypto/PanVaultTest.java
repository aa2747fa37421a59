package io.kadi.card.vault.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.card.vault.domain.Pan;
import io.kadi.card.vault.domain.PanGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PanVaultTest {

  private static final String KEY_1 = key();
  private static final String KEY_2 = key();
  private static final String FINGERPRINT = key();
  private final Pan pan = new PanGenerator("506099", 16, new SecureRandom()).next();
  private final UUID cardId = UUID.randomUUID();

  @Test
  void decryptsWhatItEncryptedAndTheCiphertextHoldsNoDigitsOfThePan() {
    PanVault vault = vault(Map.of(1, KEY_1), 1);

    EncryptedPan encrypted = vault.encrypt(cardId, pan);

    assertThat(encrypted.keyVersion()).isEqualTo(1);
    assertThat(new String(encrypted.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(pan.reveal());
    assertThat(vault.decrypt(cardId, 1, encrypted.ciphertext(), 6)).isEqualTo(pan);
  }

  @Test
  void aCardsCvvIsThreeDigitsTheSameEachTimeAndDependsOnThePanTheExpiryAndTheKey() {
    PanVault vault = vault(Map.of(1, KEY_1), 1);
    java.time.YearMonth expiry = java.time.YearMonth.of(2030, 4);

    String cvv = vault.cvv(pan, expiry);

    assertThat(cvv).matches("\\d{3}").isEqualTo(vault.cvv(pan, expiry));
    PanGenerator pans = new PanGenerator("506099", 16, new SecureRandom());
    java.util.Set<String> byExpiry = new java.util.HashSet<>();
    java.util.Set<String> byPan = new java.util.HashSet<>();
    java.util.Set<String> byKey = new java.util.HashSet<>();
    for (int i = 1; i <= 20; i++) {
      byExpiry.add(vault.cvv(pan, java.time.YearMonth.of(2030, 1).plusMonths(i)));
      byPan.add(vault.cvv(pans.next(), expiry));
      byKey.add(new PanVault(new PanVaultProperties(Map.of(1, KEY_1), 1, key())).cvv(pan, expiry));
    }
    // Twenty draws from 1,000 values: a collision or two happens, fifteen would mean the input is ignored.
    assertThat(byExpiry).hasSizeGreaterThan(15);
    assertThat(byPan).hasSizeGreaterThan(15);
    assertThat(byKey).hasSizeGreaterThan(15);
  }

  @Test
  void encryptingTheSamePanTwiceGivesDifferentCiphertextsButOneFingerprint() {
    PanVault vault = vault(Map.of(1, KEY_1), 1);

    EncryptedPan first = vault.encrypt(cardId, pan);
    EncryptedPan second = vault.encrypt(cardId, pan);

    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(first.fingerprint()).isEqualTo(second.fingerprint()).hasSize(32);
  }

  @Test
  void aCiphertextMovedToAnotherCardDoesNotDecrypt() {
    PanVault vault = vault(Map.of(1, KEY_1), 1);
    EncryptedPan encrypted = vault.encrypt(cardId, pan);

    assertThatThrownBy(() -> vault.decrypt(UUID.randomUUID(), 1, encrypted.ciphertext(), 6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("decryption failed")
        .hasMessageNotContaining(pan.reveal());
  }

  @Test
  void aTamperedCiphertextDoesNotDecrypt() {
    PanVault vault = vault(Map.of(1, KEY_1), 1);
    byte[] ciphertext = vault.encrypt(cardId, pan).ciphertext();
    ciphertext[14] ^= 1;

    assertThatThrownBy(() -> vault.decrypt(cardId, 1, ciphertext, 6)).hasMessageContaining("decryption failed");
  }

  @Test
  void afterRotationNewPansUseTheNewKeyAndOldOnesStillDecrypt() {
    EncryptedPan underOldKey = vault(Map.of(1, KEY_1), 1).encrypt(cardId, pan);
    PanVault rotated = vault(Map.of(1, KEY_1, 2, KEY_2), 2);

    assertThat(rotated.encrypt(cardId, pan).keyVersion()).isEqualTo(2);
    assertThat(rotated.decrypt(cardId, 1, underOldKey.ciphertext(), 6)).isEqualTo(pan);
    assertThat(rotated.fingerprint(pan)).isEqualTo(underOldKey.fingerprint());
  }

  @Test
  void refusesToStartWithoutProperKeys() {
    assertThatThrownBy(() -> new PanVault(new PanVaultProperties(null, null, FINGERPRINT)))
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> vault(Map.of(1, "c2hvcnQ="), 1)).hasMessageContaining("must be 32 bytes");
    assertThatThrownBy(() -> vault(Map.of(1, "not base64!"), 1)).hasMessageContaining("not base64");
    assertThatThrownBy(() -> vault(Map.of(1, KEY_1), 2)).hasMessageContaining("names no key");
  }

  private static PanVault vault(Map<Integer, String> keys, int active) {
    return new PanVault(new PanVaultProperties(keys, active, FINGERPRINT));
  }

  private static String key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
