/** Cardholders in the card schema. */
package io.kadi.card.cardholder.persistence;
