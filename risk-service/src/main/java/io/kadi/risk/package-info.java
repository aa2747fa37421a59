/**
 * risk-service: features, rules, scores and alerts. For now a runnable service with its own schema and health
 * endpoint; the scoring arrives with the real-time authorization issue.
 */
package io.kadi.risk;
