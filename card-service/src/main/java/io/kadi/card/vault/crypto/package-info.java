/** The PAN vault: AES-256-GCM encryption under versioned keys, and keyed fingerprints for uniqueness. */
package io.kadi.card.vault.crypto;
