package io.kadi.localstack.bench;

import io.kadi.kit.money.IsoCurrency;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code POST /v1/authorizations} open loop at one offered rate: each request on a card drawn at random, for
 * a small random amount, sent at its due time unless {@code maxInFlight} requests are already out (then it is dropped
 * and counted: an unbounded backlog would only measure the client's queue).
 */
final class AuthorizationLoad {

  /**
   * Amounts from 10 to 500 whole major units: far below what a card is funded with, never under the card-testing 1.00,
   * and never one of the sandbox's simulated failures (40051 to 40055 minor units, docs/api.md), which the bench's
   * sandbox cards would otherwise meet now and then.
   */
  static final long MIN_MAJOR_AMOUNT = 10;
  static final long MAX_MAJOR_AMOUNT = 500;

  private static final List<CardServiceClient.Merchant> MERCHANTS = List.of(
      new CardServiceClient.Merchant("Shoprite Lekki", "5411", "pos"),
      new CardServiceClient.Merchant("Chicken Republic Ikeja", "5814", "pos"),
      new CardServiceClient.Merchant("Total Energies Yaba", "5541", "pos"),
      new CardServiceClient.Merchant("Jumia", "5311", "ecommerce"));

  private final CardServiceClient client;
  private final List<UUID> cards;
  private final IsoCurrency currency;
  private final int maxInFlight;
  private final SplittableRandom random = new SplittableRandom();

  AuthorizationLoad(CardServiceClient client, List<UUID> cards, IsoCurrency currency, int maxInFlight) {
    this.client = client;
    this.cards = List.copyOf(cards);
    this.currency = currency;
    this.maxInFlight = maxInFlight;
  }

  StepResult run(OpenLoopSchedule schedule) throws InterruptedException {
    StepRecorder recorder = new StepRecorder();
    Semaphore inFlight = new Semaphore(maxInFlight);
    long minor = CardSetup.minorUnitsPerMajor(currency);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
    schedule.run(start, (index, due) -> {
      boolean measured = schedule.isMeasured(index);
      if (!inFlight.tryAcquire()) {
        if (measured) {
          recorder.dropped();
        }
        return;
      }
      if (measured) {
        recorder.sent(System.nanoTime() - due);
      }
      long amount = random.nextLong(MIN_MAJOR_AMOUNT, MAX_MAJOR_AMOUNT + 1) * minor;
      client.authorize(cards.get(random.nextInt(cards.size())), amount, currency.code(), MERCHANTS.get(random.nextInt(MERCHANTS.size())))
          .whenComplete((response, failure) -> {
            long end = System.nanoTime();
            if (measured) {
              tally(recorder, response, failure, end - due, end);
            }
            inFlight.release(); // after the tally: the step's figures are read once every permit is back
          });
    });
    // Every request ends within the client's timeout; the margin covers a client that is itself short of CPU.
    long drainMillis = CardServiceClient.REQUEST_TIMEOUT.plus(Duration.ofSeconds(15)).toMillis();
    if (!inFlight.tryAcquire(maxInFlight, drainMillis, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("Requests of the " + schedule.ratePerSecond() + "/s step never ended");
    }
    return recorder.result(schedule, start + schedule.measuredFromNanos());
  }

  private static void tally(StepRecorder recorder, HttpResponse<String> response, Throwable failure, long latencyNanos, long atNanos) {
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      recorder.failed(cause.getClass().getSimpleName());
    } else if (response.statusCode() != 200) {
      recorder.failed("http_" + response.statusCode());
    } else {
      try {
        recorder.answered(AuthorizationAnswer.parse(response.body()), latencyNanos, atNanos);
      } catch (IllegalArgumentException e) {
        recorder.failed("unreadable_answer");
      }
    }
  }
}
