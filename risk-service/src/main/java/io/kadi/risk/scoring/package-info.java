/** Risk scoring of authorizations: features from the card's history, weighted rules, score, action, alerts. */
package io.kadi.risk.scoring;
