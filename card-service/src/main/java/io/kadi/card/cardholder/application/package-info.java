/** Creating cardholders and recording KYC decisions, each with its event, in one transaction. */
package io.kadi.card.cardholder.application;
