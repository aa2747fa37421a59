/** Spending controls stored as JSON, one row per card or cardholder. */
package io.kadi.card.controls.persistence;
