package io.kadi.card.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.registry.InMemorySchemaRegistry;
import io.kadi.schemas.registry.SchemaRegistryHttpServer;
import io.kadi.schemas.topics.Topics;
import java.io.File;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's promise, with a process that really dies: a card-service JVM is halted after it committed a new card
 * and before Kafka received CardIssued. Nothing was published; after a restart the event is published, once.
 */
@CardServiceTest
class PublishesExactlyOnceAfterACrashIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void anEventCommittedJustBeforeTheProcessDiedIsPublishedOnceAfterRestart() throws Exception {
    UUID cardholderId = new CardApi(port).verifiedCardholder();
    await().until(() -> jdbc.sql("select count(*) from outbox").query(Long.class).single() == 0);
    String scope = KadiTestInfrastructure.SCHEMA_REGISTRY_URL.substring("mock://".length());
    try (SchemaRegistryHttpServer registry = SchemaRegistryHttpServer.start(InMemorySchemaRegistry.scope(scope), 0);
        TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name())) {

      ChildCardService crashing = ChildCardService.start(registry.url(), HaltOnSend.class, log("crashing"));
      // The answer may or may not make it out before the process dies; the database tells what was committed.
      catchThrowable(() -> crashing.http().post("/v1/cards",
          "{\"cardholder_id\": \"" + cardholderId + "\", \"type\": \"virtual\", \"currency\": \"NGN\"}"));
      assertThat(crashing.awaitExit()).isEqualTo(HaltOnSend.EXIT_CODE);

      UUID cardId = jdbc.sql("select id from cards where cardholder_id = ?").param(cardholderId).query(UUID.class).single();
      assertThat(jdbc.sql("select event_type from outbox where record_key = ?").param(cardId.toString()).query(String.class).list())
          .containsExactly("io.kadi.events.card.v1.CardIssued");
      assertThat(events.readToEnd(CardIssued.class, c -> c.getCardId().equals(cardId))).isEmpty();

      try (ChildCardService restarted = ChildCardService.start(registry.url(), null, log("restarted"))) {
        events.await(CardIssued.class, c -> c.getCardId().equals(cardId));
        await().until(() -> jdbc.sql("select count(*) from outbox where record_key = ?").param(cardId.toString())
            .query(Long.class).single() == 0);

        assertThat(events.readToEnd(CardIssued.class, c -> c.getCardId().equals(cardId)))
            .singleElement()
            .satisfies(issued -> assertThat(issued.getCardholderId()).isEqualTo(cardholderId));
      }
    }
  }

  private static File log(String name) {
    return new File("target/child-card-service-" + name + ".log");
  }
}
