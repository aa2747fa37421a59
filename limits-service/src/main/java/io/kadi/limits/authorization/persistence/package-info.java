/** The reservations table, the tallies summed over it, and the subject rows that serialize check-and-reserve. */
package io.kadi.limits.authorization.persistence;
