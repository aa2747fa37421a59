package io.kadi.card.cardholder.application;

import java.time.ZoneId;

/** What it takes to create a cardholder, already validated at the edge. */
public record NewCardholder(String name, String email, String phoneNumber, String country, ZoneId timezone) {}
