/**
 * risk-service: scores every card authorization with weighted rules over the card's recent history, and raises
 * alerts (and, when configured, freezes the card) when the score calls for it.
 */
package io.kadi.risk;
