/** Cards, their lifecycle and balances, as plain values and rules. */
package io.kadi.card.issuing.domain;
