package io.kadi.card.issuing.application;

/** A request to load funds, from REST or from the command topic. Amount and currency are checked by the service. */
public record NewFunding(long amount, String currency, String reference) {}
