/** The card REST API. */
package io.kadi.card.issuing.web;
