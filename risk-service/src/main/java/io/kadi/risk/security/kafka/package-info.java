/** Reads kadi.api-access.v1 and maps its ApiRequestLogged records to the domain's API requests. */
package io.kadi.risk.security.kafka;
