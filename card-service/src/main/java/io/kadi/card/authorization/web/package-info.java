/** The authorization endpoints processors call, and a card's transactions. */
package io.kadi.card.authorization.web;
