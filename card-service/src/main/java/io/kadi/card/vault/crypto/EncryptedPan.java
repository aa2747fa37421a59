package io.kadi.card.vault.crypto;

/**
 * A PAN as stored: the version of the key it was encrypted with, and nonce || ciphertext || GCM tag.
 *
 * @param fingerprint HMAC-SHA256 of the PAN, unique per PAN, so duplicates are found without decrypting anything
 */
public record EncryptedPan(int keyVersion, byte[] ciphertext, byte[] fingerprint) {}
