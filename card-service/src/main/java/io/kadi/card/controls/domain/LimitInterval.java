package io.kadi.card.controls.domain;

/**
 * The window a spending limit applies to. limits-service counts calendar windows in the cardholder's time zone;
 * {@code PER_AUTHORIZATION} caps each authorization on its own, and {@code ALL_TIME} never resets.
 */
public enum LimitInterval {
  PER_AUTHORIZATION,
  DAILY,
  WEEKLY,
  MONTHLY,
  YEARLY,
  ALL_TIME
}
