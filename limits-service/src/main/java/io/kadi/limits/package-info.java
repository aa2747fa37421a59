/**
 * limits-service: checks every authorization against the card's and the cardholder's spending controls and the KYC
 * tier's ceilings, and keeps the reservations that those limits count.
 */
package io.kadi.limits;
