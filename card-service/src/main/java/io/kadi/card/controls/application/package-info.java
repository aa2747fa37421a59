/** Replacing and reading the spending controls of a card or cardholder. */
package io.kadi.card.controls.application;
