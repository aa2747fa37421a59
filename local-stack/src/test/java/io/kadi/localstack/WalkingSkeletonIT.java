package io.kadi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.commands.card.v1.IssueCard;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CardType;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.kit.testing.TestDatabase;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.registry.InMemorySchemaRegistry;
import io.kadi.schemas.serde.WireFormat;
import io.kadi.schemas.topics.Topics;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The walking skeleton end to end, with the services running against a real broker and database:
 * a card issued over REST or by a command becomes a CardIssued in the Confluent wire format, then an entry of the
 * audit log, whose chain verifies, and which reports where it was tampered with.
 */
class WalkingSkeletonIT {

  private static Services services;
  private static final JdbcClient database = JdbcClient.create(TestDatabase.get().dataSource());

  @BeforeAll
  static void start() {
    services = Services.all();
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  @Test
  void aCardIssuedOverRestIsPublishedInTheWireFormatAndLandsInTheVerifiedAuditLog() {
    Http cards = new Http(services.cardPort());
    UUID cardholderId = verifiedCardholder(cards);
    try (TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name())) {
      Http.Response issued = cards.post("/v1/cards",
          "{\"cardholder_id\": \"%s\", \"type\": \"virtual\", \"currency\": \"KES\"}".formatted(cardholderId));
      assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
      UUID cardId = UUID.fromString(issued.text("id"));

      TopicProbe.Received record = events.awaitRecord(r -> r.value() instanceof CardIssued c && c.getCardId().equals(cardId));
      assertThat(record.raw().value()[0]).as("magic byte").isZero();
      assertThat(registry().schemaById(WireFormat.schemaId(record.raw().value())).getFullName())
          .isEqualTo("io.kadi.events.card.v1.CardIssued");

      assertAuditedAndIntact(((CardIssued) record.value()).getMetadata().getEventId());
    }
  }

  @Test
  void aCardIssuedByACommandIsPublishedAndAudited() {
    UUID cardholderId = verifiedCardholder(new Http(services.cardPort()));
    String commandId = "cmd-" + UUID.randomUUID();
    try (TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name()); TestProducer producer = new TestProducer()) {
      producer.publish(Topics.CARD_COMMANDS.name(), cardholderId.toString(), IssueCard.newBuilder()
          .setMetadata(new RecordMetadata(Clock.systemUTC()).stamp(new RequestContext("req-e2e", "platform-e2e", Mode.SANDBOX, null)))
          .setCommandId(commandId)
          .setCardholderId(cardholderId.toString())
          .setType(CardType.physical)
          .setCurrency("UGX")
          .build());

      CardIssued issued = events.await(CardIssued.class, c -> c.getCardholderId().equals(cardholderId));
      assertThat(issued.getMetadata().getCausationId()).isEqualTo(commandId);
      assertThat(issued.getCurrency()).isEqualTo("UGX");
      assertAuditedAndIntact(issued.getMetadata().getEventId());
    }
  }

  @Test
  void anAuditEntryChangedBehindTheLogsBackIsReportedAtItsSequence() throws Exception {
    UUID cardholderId = verifiedCardholder(new Http(services.cardPort()));
    String about = "{\"cardholderId\": \"" + cardholderId + "\"}";
    await().until(() -> database.sql("select count(*) from audit.audit_log where subject_ids @> ?::jsonb").param(about)
        .query(Long.class).single() == 2);
    long sequence = database.sql("""
            select sequence from audit.audit_log
            where subject_ids @> ?::jsonb and event_type = 'io.kadi.events.card.v1.CardholderCreated'""")
        .param(about).query(Long.class).single();
    String payload = database.sql("select payload from audit.audit_log where sequence = ?").param(sequence).query(String.class).single();
    try {
      // What an attacker with superuser access can do: switch the append-only triggers off, and rewrite history.
      asSuperuserWithoutTriggers("update audit.audit_log set payload = replace(payload, 'Africa/Nairobi', 'Europe/London') where sequence = " + sequence);

      Http.Response verification = verify();
      assertThat(verification.json().path("intact").asBoolean()).isFalse();
      assertThat(verification.json().path("broken_at").asLong()).isEqualTo(sequence);
      assertThat(verification.text("reason")).isEqualTo("hash_mismatch");
    } finally {
      asSuperuserWithoutTriggers("update audit.audit_log set payload = '" + payload.replace("'", "''") + "' where sequence = " + sequence);
    }
    assertThat(verify().json().path("intact").asBoolean()).isTrue();
  }

  private static void assertAuditedAndIntact(UUID eventId) {
    await().until(() -> database.sql("select count(*) from audit.audit_log where event_id = ?").param(eventId)
        .query(Long.class).single() == 1);
    long before = database.sql("select count(*) from audit.audit_log").query(Long.class).single();
    Http.Response verification = verify();
    long after = database.sql("select count(*) from audit.audit_log").query(Long.class).single();
    assertThat(verification.status()).isEqualTo(200);
    assertThat(verification.json().path("intact").asBoolean()).as(verification.toString()).isTrue();
    // The log keeps growing while it is verified: every API request, the verification's own included, is audited.
    assertThat(verification.json().path("records").asLong()).isBetween(before, after);
  }

  private static UUID verifiedCardholder(Http cards) {
    Http.Response created = cards.post("/v1/cardholders", """
        {"name": "Wanjiru Kamau", "email": "wanjiru@example.com", "phone_number": "+254712345678", "country": "KE",
         "timezone": "Africa/Nairobi"}""");
    UUID id = UUID.fromString(created.text("id"));
    assertThat(cards.post("/v1/cardholders/" + id + "/kyc", "{\"status\": \"verified\", \"tier\": 1, \"reference\": \"k-" + id + "\"}")
        .status()).isEqualTo(200);
    return id;
  }

  private static Http.Response verify() {
    return services.audit().get("/v1/audit/verify");
  }

  private static void asSuperuserWithoutTriggers(String sql) throws Exception {
    try (Connection connection = TestDatabase.get().dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("set session_replication_role = replica");
      statement.executeUpdate(sql);
    }
  }

  private static InMemorySchemaRegistry registry() {
    return InMemorySchemaRegistry.scope(KadiTestInfrastructure.SCHEMA_REGISTRY_URL.substring("mock://".length()));
  }
}
