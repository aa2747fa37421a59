/**
 * risk-service: scores every card authorization with weighted rules over the card's recent history, and raises
 * alerts (and, when configured, freezes the card) when the score calls for it; and raises security alerts from the
 * API access log of every service.
 */
package io.kadi.risk;
