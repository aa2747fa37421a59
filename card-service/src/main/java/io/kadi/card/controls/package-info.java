/** Spending controls of cards and cardholders: limits per interval, velocity limits, and allowed or blocked merchants. */
package io.kadi.card.controls;
