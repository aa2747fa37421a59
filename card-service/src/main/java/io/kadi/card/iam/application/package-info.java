/** Creating, rotating and revoking API clients, in transactions, and the bootstrapped first client. */
package io.kadi.card.iam.application;
