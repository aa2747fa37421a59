/** The cards' authorization history in PostgreSQL, and the one aggregate query that reads every feature window. */
package io.kadi.risk.scoring.persistence;
