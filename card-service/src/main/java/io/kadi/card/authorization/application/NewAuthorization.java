package io.kadi.card.authorization.application;

import io.kadi.card.controls.domain.Channel;
import java.util.UUID;

/** An authorization request as a processor sends it, before its amount and merchant are checked. */
public record NewAuthorization(UUID cardId, long amount, String currency, String merchantName, String merchantMcc,
    String merchantCountry, String merchantCity, Channel channel) {}
