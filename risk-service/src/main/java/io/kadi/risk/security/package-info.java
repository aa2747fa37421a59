/**
 * Security alerts from the API access log: refused and sensitive requests counted per client in fixed windows, and an
 * alert when a count reaches its threshold or a client's keys change.
 */
package io.kadi.risk.security;
