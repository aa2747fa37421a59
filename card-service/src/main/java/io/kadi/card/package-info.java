/** card-service: cardholders and KYC, cards and their encrypted PANs, balances, and the card commands. */
package io.kadi.card;
