package io.kadi.localstack.bench;

import io.kadi.kit.money.IsoCurrency;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/** Creates the benchmark's cards through the REST API, as an integrator would: several at once. */
final class CardSetup {

  /** The highest KYC tier, whose ceilings are the highest. */
  static final int KYC_TIER = 3;
  /** Ten million in major units: at most 500 an authorization, no card runs out in any run of sensible length. */
  static final long FUNDING_MAJOR_UNITS = 10_000_000;

  private CardSetup() {}

  /** {@code count} funded active cards of verified cardholders, made {@code concurrency} at a time. */
  static List<UUID> fundedCards(CardServiceClient client, int count, IsoCurrency currency, int concurrency)
      throws InterruptedException {
    long funding = FUNDING_MAJOR_UNITS * minorUnitsPerMajor(currency);
    ThreadFactory threads = Thread.ofPlatform().name("bench-setup-", 0).daemon().factory();
    try (ExecutorService workers = Executors.newFixedThreadPool(concurrency, threads)) {
      List<Future<UUID>> cards = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        cards.add(workers.submit(() -> client.fundedCard(KYC_TIER, currency.code(), funding)));
      }
      List<UUID> created = new ArrayList<>(count);
      for (Future<UUID> card : cards) {
        try {
          created.add(card.get());
        } catch (ExecutionException e) {
          workers.shutdownNow();
          throw new IllegalStateException("Could not create the benchmark's cards: " + e.getCause().getMessage(), e.getCause());
        }
      }
      return created;
    }
  }

  /** 100 for NGN, 1 for UGX. */
  static long minorUnitsPerMajor(IsoCurrency currency) {
    long unit = 1;
    for (int digit = 0; digit < currency.exponent(); digit++) {
      unit *= 10;
    }
    return unit;
  }
}
