/** Refusals as REST problems. */
package io.kadi.card.outcome.web;
