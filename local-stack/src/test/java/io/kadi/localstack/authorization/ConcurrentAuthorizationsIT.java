package io.kadi.localstack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.kit.testing.Http;
import io.kadi.localstack.Services;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many simultaneous authorizations against one daily limit, with every service's listeners on three consumer threads:
 * whatever the interleaving, the approved total never exceeds the limit nor the balance. The budget is long here so
 * that every answer comes from the services, and the limit is what binds.
 */
class ConcurrentAuthorizationsIT {

  static final long LIMIT = 300_000;
  static final long MAX_AMOUNT = 10_000;
  /** Enough to hold all 200 at once: every request is held before limits-service answers, and released on decline. */
  static final long FUNDS = 200 * MAX_AMOUNT;

  static Services services;
  final Random random = new Random();

  @BeforeAll
  static void start() {
    // Two hundred at once from one processor: twice the default write limit, raised as a processor's would be.
    services = Services.all("--kadi.api.rate-limits.write.capacity=1000", "--kadi.card.authorizations.budget=30s",
        "--kadi.card.authorizations.max-pending=1000",
        "--spring.kafka.listener.concurrency=3");
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  @Test
  void twoHundredAtOnceOnOneCardNeverApproveMoreThanItsDailyLimit() {
    CardApi api = new CardApi(services.cardPort());
    UUID cardId = api.fundedCard("NGN", FUNDS);
    assertThat(api.setControls("cards", cardId,
        "{\"spending_limits\": [{\"amount\": " + LIMIT + ", \"interval\": \"daily\"}]}").status()).isEqualTo(200);

    List<Http.Response> answers = authorizeAtOnce(api, IntStream.range(0, 200).mapToObj(i -> cardId).toList());

    long approved = approvedTotal(answers);
    assertThat(approved).isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT - MAX_AMOUNT);
    assertThat(declineReasons(answers)).containsOnly("spending_limit");
    assertThat(api.balance(cardId)).containsExactly(FUNDS - approved, approved);
  }

  @Test
  void twoCardsOfOneCardholderNeverApproveMoreThanTheCardholdersLimitTogether() {
    CardApi api = new CardApi(services.cardPort());
    UUID first = api.fundedCard("NGN", FUNDS);
    UUID cardholderId = UUID.fromString(api.card(first).text("cardholder_id"));
    UUID second = UUID.fromString(api.issueCard(cardholderId, "NGN").text("id"));
    assertThat(api.fund(second, FUNDS, "NGN", "second-card").status()).isEqualTo(201);
    assertThat(api.setControls("cardholders", cardholderId, "{\"spending_limits\": [{\"amount\": " + LIMIT
        + ", \"currency\": \"NGN\", \"interval\": \"daily\"}]}").status()).isEqualTo(200);

    List<Http.Response> answers = authorizeAtOnce(api,
        IntStream.range(0, 200).mapToObj(i -> i % 2 == 0 ? first : second).toList());

    long approved = approvedTotal(answers);
    assertThat(approved).isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT - MAX_AMOUNT);
    assertThat(declineReasons(answers)).containsOnly("spending_limit");
    assertThat(api.balance(first)[1] + api.balance(second)[1]).isEqualTo(approved);
  }

  private List<Http.Response> authorizeAtOnce(CardApi api, List<UUID> cards) {
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<CompletableFuture<Http.Response>> answers = cards.stream()
          .map(card -> {
            long amount = 1_000 + random.nextLong(MAX_AMOUNT - 1_000 + 1);
            return CompletableFuture.supplyAsync(() -> api.authorize(card, amount, "NGN"), clients);
          })
          .toList();
      List<Http.Response> responses = answers.stream().map(CompletableFuture::join).toList();
      responses.forEach(response -> assertThat(response.status()).as(response.toString()).isEqualTo(200));
      responses.forEach(response -> assertThat(response.json().path("stand_in").asBoolean()).as(response.toString()).isFalse());
      return responses;
    }
  }

  private static long approvedTotal(List<Http.Response> answers) {
    return answers.stream().filter(a -> a.json().path("approved").asBoolean()).mapToLong(a -> a.json().path("amount").asLong()).sum();
  }

  private static List<String> declineReasons(List<Http.Response> answers) {
    return answers.stream().filter(a -> !a.json().path("approved").asBoolean()).map(a -> a.text("decline_reason")).toList();
  }
}
