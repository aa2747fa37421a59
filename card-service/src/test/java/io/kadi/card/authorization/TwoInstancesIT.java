package io.kadi.card.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceApplication;
import io.kadi.card.CardServiceTest;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.kit.KadiApplication;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Two card-service instances on one database and broker. This one serves the processor's requests and consumes
 * nothing; the other consumes every result and decides. Each answer must therefore travel from the deciding instance
 * to the waiting one, and arrive well before the budget.
 */
@CardServiceTest
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class TwoInstancesIT {

  static ConfigurableApplicationContext decider;

  @LocalServerPort int port;

  @BeforeAll
  static void startTheDecidingInstance() {
    decider = KadiApplication.builder(CardServiceApplication.class, CardServiceApplication.NAME)
        .initializers(new KadiTestInfrastructure())
        .run("--server.port=0",
            "--kadi.card.bin=" + CardServiceTest.BIN,
            "--kadi.card.pan-vault.keys.1=" + CardServiceTest.VAULT_KEY,
            "--kadi.card.pan-vault.active-key-version=1",
            "--kadi.card.pan-vault.fingerprint-key=" + CardServiceTest.FINGERPRINT_KEY);
  }

  @AfterAll
  static void stopIt() {
    decider.close();
  }

  @Test
  void theInstanceHoldingTheRequestAnswersWithTheDecisionTheOtherMade() {
    CardApi api = new CardApi(port);
    List<UUID> cards = IntStream.range(0, 12).mapToObj(i -> api.fundedCard("NGN", 50_000)).toList();

    try (TopicProbe authorizations = TopicProbe.fromEnd(Topics.AUTHORIZATIONS.name()); Results results = new Results()) {
      List<CompletableFuture<Http.Response>> answers = cards.stream()
          .map(card -> CompletableFuture.supplyAsync(() -> api.authorize(card, 20_000, "NGN")))
          .toList();
      for (UUID card : cards) {
        results.approve(authorizations.await(AuthorizationRequested.class, r -> r.getCardId().equals(card)));
      }

      for (CompletableFuture<Http.Response> answer : answers) {
        Http.Response approved = answer.join();
        assertThat(approved.json().path("approved").asBoolean()).as(approved.toString()).isTrue();
        assertThat(approved.json().path("stand_in").asBoolean()).isFalse();
      }
      for (UUID card : cards) {
        assertThat(api.balance(card)).containsExactly(30_000, 20_000);
      }
    }
  }
}
