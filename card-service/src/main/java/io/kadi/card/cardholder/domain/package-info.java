/** Cardholders and their KYC status, as plain values and rules. */
package io.kadi.card.cardholder.domain;
