/** Authorizations and transactions in PostgreSQL, and the decision notices instances send each other through it. */
package io.kadi.card.authorization.persistence;
