package io.kadi.card.vault.crypto;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys of the PAN vault. There are no defaults: a vault key that ships with the code is no key. Generate each with
 * {@code openssl rand -base64 32}.
 *
 * @param keys AES-256 keys by version, base64. Old versions stay to decrypt PANs written under them.
 * @param activeKeyVersion the version new PANs are encrypted with
 * @param fingerprintKey HMAC-SHA256 key for PAN fingerprints (uniqueness without decryption); never rotated, since
 *     fingerprints of existing cards are computed with it
 */
@ConfigurationProperties("kadi.card.pan-vault")
public record PanVaultProperties(Map<Integer, String> keys, Integer activeKeyVersion, String fingerprintKey) {}
