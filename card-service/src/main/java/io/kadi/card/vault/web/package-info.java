/** The reveal endpoint: GET /v1/cards/{id}/sensitive. */
package io.kadi.card.vault.web;
