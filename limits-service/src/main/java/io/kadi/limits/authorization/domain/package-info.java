/** The limit rules as plain Java: controls, calendar and trailing windows, the check, and the reservation lifecycle. */
package io.kadi.limits.authorization.domain;
