/** The key management API: /v1/api_clients and /v1/programs. */
package io.kadi.card.iam.web;
