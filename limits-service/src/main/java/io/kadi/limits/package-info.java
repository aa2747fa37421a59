/**
 * limits-service: spending controls, period counters and reservations. For now a runnable service with its own
 * schema and health endpoint; the authorization logic arrives with the real-time authorization issue.
 */
package io.kadi.limits;
