package io.kadi.card.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Beyond max-pending, an authorization is answered 503 at once, and nothing is held or published for it. */
@CardServiceTest
@TestPropertySource(properties = "kadi.card.authorizations.max-pending=1")
class OverloadIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void anInstanceWaitingOnAsManyAsItMayShedsTheNextRequestAtOnce() {
    CardApi api = new CardApi(port);
    UUID cardId = api.fundedCard("NGN", 100_000);
    try (TopicProbe authorizations = TopicProbe.fromEnd(Topics.AUTHORIZATIONS.name())) {
      CompletableFuture<Http.Response> waiting = CompletableFuture.supplyAsync(() -> api.authorize(cardId, 10_000, "NGN"));
      UUID first = authorizations.await(AuthorizationRequested.class, r -> r.getCardId().equals(cardId)).getAuthorizationId();

      Http.Response shed = api.authorize(cardId, 20_000, "NGN");

      assertThat(shed.status()).as(shed.toString()).isEqualTo(503);
      assertThat(shed.text("code")).isEqualTo("overloaded");
      assertThat(shed.header("Retry-After")).isEqualTo("2");
      assertThat(api.balance(cardId)).containsExactly(90_000, 10_000);
      assertThat(jdbc.sql("select count(*) from authorizations where card_id = ?").param(cardId).query(Long.class).single())
          .isOne();
      assertThat(waiting.join().text("decline_reason")).isEqualTo("timeout");
      authorizations.await(AuthorizationDecided.class, d -> d.getAuthorizationId().equals(first));
      assertThat(authorizations.readToEnd(AuthorizationRequested.class, r -> r.getCardId().equals(cardId))).hasSize(1);
      assertThat(api.authorize(cardId, 20_000, "NGN").status()).as("room again once the first is answered").isEqualTo(200);
    }
  }
}
