package io.kadi.risk.scoring.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Authorizations and card histories for domain tests: sensible defaults, changed one fact at a time. */
final class Samples {

  /** 14:00 in Lagos and 16:00 in Nairobi: nobody's night. */
  static final Instant AFTERNOON = Instant.parse("2026-03-10T13:00:00Z");
  static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
  static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

  private Samples() {}

  static AttemptBuilder attempt() {
    return new AttemptBuilder();
  }

  static HistoryBuilder history() {
    return new HistoryBuilder();
  }

  static Features features(AttemptBuilder attempt, HistoryBuilder history) {
    return new Features(attempt.build(), history.build());
  }

  /** An NGN 2,500.00 purchase at a Lagos supermarket by a Nigerian cardholder, in the afternoon. */
  static final class AttemptBuilder {
    private long amount = 250_000;
    private String currency = "NGN";
    private String mcc = "5411";
    private String merchantCountry = "NG";
    private Instant occurredAt = AFTERNOON;
    private String cardholderCountry = "NG";
    private ZoneId timeZone = LAGOS;
    private String declinedAtRequest;

    AttemptBuilder amount(long amount, String currency) {
      this.amount = amount;
      this.currency = currency;
      return this;
    }

    AttemptBuilder mcc(String mcc) {
      this.mcc = mcc;
      return this;
    }

    AttemptBuilder merchantCountry(String country) {
      this.merchantCountry = country;
      return this;
    }

    AttemptBuilder at(Instant occurredAt) {
      this.occurredAt = occurredAt;
      return this;
    }

    AttemptBuilder cardholder(String country, ZoneId timeZone) {
      this.cardholderCountry = country;
      this.timeZone = timeZone;
      return this;
    }

    AttemptBuilder declinedAtRequest(String reason) {
      this.declinedAtRequest = reason;
      return this;
    }

    Attempt build() {
      return new Attempt(UUID.fromString("0195f0a0-0000-7000-8000-000000000001"), UUID.fromString("0195f0a0-0000-7000-8000-000000000002"),
          UUID.fromString("0195f0a0-0000-7000-8000-000000000003"), amount, currency, mcc, merchantCountry, Channel.POS, occurredAt,
          cardholderCountry, timeZone, Optional.ofNullable(declinedAtRequest));
    }
  }

  /** A card with only the authorization being scored in its windows, no spending history, its country seen. */
  static final class HistoryBuilder {
    private final Map<Window, Totals> windows = new EnumMap<>(Map.of(
        Window.LAST_1M, new Totals(1, 250_000), Window.LAST_10M, new Totals(1, 250_000),
        Window.LAST_1H, new Totals(1, 250_000), Window.LAST_24H, new Totals(1, 250_000)));
    private int small;
    private Totals spent = Totals.NONE;
    private boolean countrySeen = true;

    HistoryBuilder in(Window window, int count, long amount) {
      windows.put(window, new Totals(count, amount));
      return this;
    }

    HistoryBuilder small5m(int small) {
      this.small = small;
      return this;
    }

    HistoryBuilder spent30d(int count, long amount) {
      this.spent = new Totals(count, amount);
      return this;
    }

    HistoryBuilder countrySeen(boolean seen) {
      this.countrySeen = seen;
      return this;
    }

    CardHistory build() {
      return new CardHistory(windows, small, spent, countrySeen);
    }
  }
}
