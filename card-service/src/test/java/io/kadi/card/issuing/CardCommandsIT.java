package io.kadi.card.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.commands.card.v1.FundCard;
import io.kadi.commands.card.v1.IssueCard;
import io.kadi.commands.card.v1.TerminateCard;
import io.kadi.commands.card.v1.UnfreezeCard;
import io.kadi.events.card.v1.CardFrozen;
import io.kadi.events.card.v1.CardFunded;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.card.v1.CardTerminated;
import io.kadi.events.card.v1.CardType;
import io.kadi.events.card.v1.CardUnfrozen;
import io.kadi.events.card.v1.CommandRejected;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.kafka.KadiKafkaAutoConfiguration;
import io.kadi.kit.security.Role;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Platform teams drive cards through kadi.card-commands.v1 with the same rules, and answers, as over REST. */
@CardServiceTest
class CardCommandsIT {

  private static final String COMMANDS = Topics.CARD_COMMANDS.name();

  @LocalServerPort int port;
  @Autowired RecordMetadata metadata;
  @Autowired JdbcClient jdbc;
  CardApi api;
  TestProducer producer;
  TopicProbe events;

  @BeforeEach
  void open() {
    api = new CardApi(port);
    producer = new TestProducer();
    events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name());
  }

  @AfterEach
  void close() {
    producer.close();
    events.close();
  }

  @Test
  void issuesACardAndAnswersWithCardIssuedCausedByTheCommand() {
    UUID cardholderId = api.verifiedCardholder();
    String commandId = "cmd-" + UUID.randomUUID();
    Metadata sent = sent("platform-a", Mode.SANDBOX);

    producer.publish(COMMANDS, cardholderId.toString(), IssueCard.newBuilder().setMetadata(sent).setCommandId(commandId)
        .setCardholderId(cardholderId.toString()).setType(CardType.physical).setCurrency("KES").build());

    CardIssued issued = events.await(CardIssued.class, c -> c.getCardholderId().equals(cardholderId));
    assertThat(issued.getMetadata().getCausationId()).isEqualTo(commandId);
    assertThat(issued.getMetadata().getRequestId()).isEqualTo(sent.getRequestId());
    assertThat(issued.getMetadata().getActorClientId()).isEqualTo("platform-a");
    assertThat(issued.getType()).isEqualTo(CardType.physical);
    assertThat(api.card(issued.getCardId()).text("status")).isEqualTo("active");
    assertThat(api.card(issued.getCardId()).text("type")).isEqualTo("physical");
  }

  @Test
  void aCardIssuedByCommandBelongsToItsCardholdersProgram() {
    UUID program = TestApiClients.newProgram();
    CardApi team = api.as(TestApiClients.create(program, Mode.SANDBOX, Set.of(Role.ISSUER), List.of()));
    UUID cardholderId = team.verifiedCardholder();

    producer.publish(COMMANDS, cardholderId.toString(), issue("platform-a", id(), cardholderId));

    CardIssued issued = events.await(CardIssued.class, c -> c.getCardholderId().equals(cardholderId));
    assertThat(team.card(issued.getCardId()).text("status")).isEqualTo("active");
    assertThat(api.card(issued.getCardId()).text("code")).as("another program's client").isEqualTo("card_not_found");
  }

  @Test
  void aCommandSentTwiceTakesEffectOnceButAnotherClientsCommandIdIsItsOwn() {
    UUID cardholderId = api.verifiedCardholder();
    String commandId = "cmd-" + UUID.randomUUID();

    producer.publish(COMMANDS, cardholderId.toString(), issue("platform-a", commandId, cardholderId));
    producer.publish(COMMANDS, cardholderId.toString(), issue("platform-a", commandId, cardholderId));
    producer.publish(COMMANDS, cardholderId.toString(), issue("platform-b", commandId, cardholderId));

    events.await(CardIssued.class, c -> c.getCardholderId().equals(cardholderId) && c.getMetadata().getActorClientId().equals("platform-b"));
    // Two cards, so two keys and maybe two partitions: no order between them.
    assertThat(events.readToEnd(CardIssued.class, c -> c.getCardholderId().equals(cardholderId)))
        .extracting(c -> c.getMetadata().getActorClientId()).containsExactlyInAnyOrder("platform-a", "platform-b");
    assertThat(jdbc.sql("select count(*) from cards where cardholder_id = ?").param(cardholderId).query(Integer.class).single())
        .isEqualTo(2);
  }

  @Test
  void fundsFreezesUnfreezesAndTerminatesThroughCommands() {
    UUID cardId = api.activeCard("TZS");
    String key = cardId.toString();

    producer.publish(COMMANDS, key, FundCard.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCommandId(id())
        .setCardId(key).setAmount(2_500_000).setCurrency("TZS").setReference("salary-11").build());
    producer.publish(COMMANDS, key, FreezeCard.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCommandId(id())
        .setCardId(key).setReason("suspicious").build());
    producer.publish(COMMANDS, key, UnfreezeCard.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCommandId(id())
        .setCardId(key).build());
    producer.publish(COMMANDS, key, TerminateCard.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCommandId(id())
        .setCardId(key).setReason(null).build());

    events.await(CardTerminated.class, t -> t.getCardId().equals(cardId));
    assertThat(events.readToEnd().stream().map(TopicProbe.Received::value).filter(v -> v instanceof SpecificRecord r
            && r.getSchema().getField("cardId") != null && cardId.equals(r.get(r.getSchema().getField("cardId").pos())))
        .map(v -> ((SpecificRecord) v).getSchema().getName())).containsExactly("CardIssued", "CardFunded", "CardFrozen", "CardUnfrozen", "CardTerminated");
    assertThat(events.readToEnd(CardFunded.class, f -> f.getCardId().equals(cardId)).getFirst().getAvailableBalance()).isEqualTo(2_500_000);
    assertThat(events.readToEnd(CardFrozen.class, f -> f.getCardId().equals(cardId)).getFirst().getReason()).isEqualTo("suspicious");
    assertThat(events.readToEnd(CardUnfrozen.class, f -> f.getCardId().equals(cardId))).hasSize(1);
    assertThat(api.card(cardId).text("status")).isEqualTo("terminated");
  }

  @Test
  void aCommandThatCannotBeCarriedOutIsRejectedWithTheRestApisCodeAndChangesNothing() {
    UUID unverified = UUID.fromString(api.createCardholder("Not Yet").text("id"));
    UUID terminated = api.activeCard("NGN");
    api.lifecycle(terminated, "terminate");
    UUID active = api.activeCard("NGN");

    String kyc = reject(issue("platform-a", id(), unverified));
    String state = reject(fund(terminated.toString(), 100, "NGN", Mode.SANDBOX));
    String amount = reject(fund(active.toString(), 0, "NGN", Mode.SANDBOX));
    String currency = reject(fund(active.toString(), 100, "XYZ", Mode.SANDBOX));
    String malformedId = reject(fund("not-a-card", 100, "NGN", Mode.SANDBOX));
    String otherMode = reject(fund(active.toString(), 100, "NGN", Mode.LIVE));
    String nulReference = reject(FundCard.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCommandId(id())
        .setCardId(active.toString()).setAmount(100).setCurrency("NGN").setReference("ref\0").build());
    String longReason = reject(FreezeCard.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCommandId(id())
        .setCardId(active.toString()).setReason("x".repeat(201)).build());

    assertThat(kyc).isEqualTo("IssueCard:kyc_not_verified:" + unverified);
    assertThat(state).isEqualTo("FundCard:invalid_card_state:" + terminated);
    assertThat(amount).isEqualTo("FundCard:invalid_amount:" + active);
    assertThat(currency).isEqualTo("FundCard:unsupported_currency:" + active);
    assertThat(malformedId).as("an id that is no id is not repeated as the subject").isEqualTo("FundCard:card_not_found:null");
    assertThat(otherMode).as("a live command never sees a sandbox card").isEqualTo("FundCard:card_not_found:" + active);
    assertThat(longReason).isEqualTo("FreezeCard:validation_failed:" + active);
    assertThat(nulReference).isEqualTo("FundCard:validation_failed:" + active);
    assertThat(api.card(active).text("status")).isEqualTo("active");
    assertThat(api.card(active).json().path("balance").path("available").asLong()).isZero();
    assertThat(jdbc.sql("select count(*) from cards where cardholder_id = ?").param(unverified).query(Integer.class).single()).isZero();
  }

  @Test
  void aCommandNamingAHugeIdIsRejectedBrieflyAndKeyedByItsCommandId() {
    String commandId = id();
    String huge = "x".repeat(400_000);

    producer.publish(COMMANDS, commandId, FundCard.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCommandId(commandId)
        .setCardId(huge).setAmount(100).setCurrency("NGN").setReference("r").build());

    TopicProbe.Received received = events.awaitRecord(r -> r.value() instanceof CommandRejected c && c.getCommandId().equals(commandId));
    CommandRejected rejected = (CommandRejected) received.value();
    assertThat(received.raw().key()).isEqualTo(commandId);
    assertThat(rejected.getCode()).isEqualTo("card_not_found");
    assertThat(rejected.getSubjectId()).isNull();
    assertThat(rejected.getReason()).hasSizeLessThan(100);
    assertThat(received.raw().value()).hasSizeLessThan(1_000);
  }

  @Test
  void poisonAndRecordsThatAreNotCommandsGoToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
    UUID cardId = api.activeCard("RWF");
    String key = cardId.toString();
    byte[] poison = "definitely not avro".getBytes(StandardCharsets.UTF_8);
    try (TopicProbe deadLetters = TopicProbe.fromEnd(Topics.CARD_COMMANDS.deadLetterTopic("card-service"))) {
      producer.publishBytes(COMMANDS, key, poison);
      producer.publish(COMMANDS, key, CardUnfrozen.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCardId(cardId).build());
      producer.publish(COMMANDS, key, FreezeCard.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCommandId("nul\0id")
          .setCardId(key).build());
      producer.publish(COMMANDS, key, FreezeCard.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCommandId("c".repeat(101))
          .setCardId(key).build());
      producer.publish(COMMANDS, key, FreezeCard.newBuilder().setMetadata(sent("platform-a", Mode.SANDBOX)).setCommandId(id())
          .setCardId(key).setReason("after the poison").build());

      events.await(CardFrozen.class, f -> f.getCardId().equals(cardId));
      TopicProbe.Received first = deadLetters.awaitRecord(r -> key.equals(r.raw().key()) && r.value() == null);
      TopicProbe.Received second = deadLetters.awaitRecord(r -> r.value() instanceof CardUnfrozen u && u.getCardId().equals(cardId));
      assertThat(first.raw().value()).isEqualTo(poison);
      assertThat(new String(second.raw().headers().lastHeader(KadiKafkaAutoConfiguration.REASON_HEADER).value(), StandardCharsets.UTF_8))
          .contains("is not a card command");
      for (String unanswerable : new String[] {"nul\0id", "c".repeat(101)}) {
        TopicProbe.Received dead = deadLetters.awaitRecord(r -> r.value() instanceof FreezeCard f && f.getCommandId().equals(unanswerable));
        assertThat(new String(dead.raw().headers().lastHeader(KadiKafkaAutoConfiguration.REASON_HEADER).value(), StandardCharsets.UTF_8))
            .contains("needs a commandId of 1 to 100 characters");
      }
      assertThat(api.card(cardId).text("status")).as("only the valid freeze took effect").isEqualTo("frozen");
    }
  }

  /** Publishes the command and waits for its rejection: "type:code:subject". */
  private String reject(SpecificRecord command) {
    String commandId = String.valueOf(command.get(command.getSchema().getField("commandId").pos()));
    producer.publish(COMMANDS, commandId, command);
    CommandRejected rejected = events.await(CommandRejected.class, r -> r.getCommandId().equals(commandId));
    assertThat(rejected.getMetadata().getCausationId()).isEqualTo(commandId);
    assertThat(rejected.getReason()).isNotBlank();
    return rejected.getCommandType() + ":" + rejected.getCode() + ":" + rejected.getSubjectId();
  }

  private IssueCard issue(String client, String commandId, UUID cardholderId) {
    return IssueCard.newBuilder().setMetadata(sent(client, Mode.SANDBOX)).setCommandId(commandId)
        .setCardholderId(cardholderId.toString()).setType(CardType.virtual).setCurrency("NGN").build();
  }

  private FundCard fund(String cardId, long amount, String currency, Mode mode) {
    return FundCard.newBuilder().setMetadata(sent("platform-a", mode)).setCommandId(id()).setCardId(cardId)
        .setAmount(amount).setCurrency(currency).setReference("ref-" + UUID.randomUUID()).build();
  }

  private Metadata sent(String client, Mode mode) {
    return metadata.stamp(new RequestContext("req-" + UUID.randomUUID(), client, mode, null));
  }

  private static String id() {
    return "cmd-" + UUID.randomUUID();
  }
}
