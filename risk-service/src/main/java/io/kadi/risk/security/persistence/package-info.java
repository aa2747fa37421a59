/** The security counters in PostgreSQL: one row per subject, alert and fixed window, shared by every instance. */
package io.kadi.risk.security.persistence;
