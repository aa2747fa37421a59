/** The cardholder REST API. */
package io.kadi.card.cardholder.web;
