/** Authorizations as values: the checks at request time, the verdict from the joined results, capture and reversal. */
package io.kadi.card.authorization.domain;
