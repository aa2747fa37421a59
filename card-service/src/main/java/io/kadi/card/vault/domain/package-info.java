/** Primary account numbers: generation from a BIN with a Luhn check digit, and a value type that never prints itself. */
package io.kadi.card.vault.domain;
