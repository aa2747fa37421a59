/** Revealing a card's full details to a client allowed to see them. */
package io.kadi.card.vault.application;
