/** Spending controls as values, and the rules a valid set of controls follows. */
package io.kadi.card.controls.domain;
