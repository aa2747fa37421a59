/** Requesting, deciding, timing out, capturing and reversing authorizations, and answering the waiting request. */
package io.kadi.card.authorization.application;
