package io.kadi.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.authorization.Results;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.Role;
import io.kadi.kit.security.Scopes;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client sees and changes only its own program's cardholders and cards, of its own mode, and through the cards their
 * fundings, spending controls, transactions and authorizations. Anything else is answered exactly as an id that names
 * nothing, and changes nothing.
 */
@CardServiceTest
class ProgramIsolationIT {

  private static final String CONTROLS = """
      {"spending_limits": [{"amount": 1, "interval": "daily"}], "blocked_countries": ["KP"]}""";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  /** The operator of TestApiClients.TEST_PROGRAM, whose objects the other clients reach for. */
  CardApi owner;
  /** An admin of another program: every scope a program's client can hold, and none of the first program's objects. */
  CardApi stranger;
  Traces traces;
  Results results;
  TopicProbe authorizations;

  @BeforeEach
  void open() {
    owner = new CardApi(port);
    stranger = owner.as(client(TestApiClients.newProgram(), Mode.SANDBOX, Role.ADMIN));
    traces = new Traces(jdbc);
    results = new Results();
    authorizations = TopicProbe.fromEnd(Topics.AUTHORIZATIONS.name());
  }

  @AfterEach
  void close() {
    results.close();
    authorizations.close();
  }

  @Test
  void anotherProgramsCardIsNotFoundToReadFundFreezeTerminateControlOrList() {
    UUID cardId = owner.fundedCard("NGN", 50_000);
    Http.Response before = owner.card(cardId);

    cardNotFound(cardId, () -> stranger.card(cardId));
    cardNotFound(cardId, () -> stranger.fund(cardId, 1_000, "NGN", "not-theirs"));
    cardNotFound(cardId, () -> stranger.lifecycle(cardId, "freeze"));
    cardNotFound(cardId, () -> stranger.lifecycle(cardId, "unfreeze"));
    cardNotFound(cardId, () -> stranger.lifecycle(cardId, "terminate"));
    cardNotFound(cardId, () -> stranger.http().get("/v1/cards/" + cardId + "/spending_controls"));
    cardNotFound(cardId, () -> stranger.setControls("cards", cardId, CONTROLS));
    cardNotFound(cardId, () -> stranger.transactions(cardId, ""));

    assertThat(owner.card(cardId).json()).isEqualTo(before.json());
  }

  @Test
  void anotherProgramsCardholderIsNotFoundToReadDecideKycOrControl() {
    UUID cardholderId = UUID.fromString(owner.createCardholder("Amina Yusuf").text("id"));

    cardholderNotFound(cardholderId, () -> stranger.http().get("/v1/cardholders/" + cardholderId));
    cardholderNotFound(cardholderId, () -> stranger.decideKyc(cardholderId,
        "{\"status\": \"verified\", \"tier\": 3, \"reference\": \"not-theirs\"}"));
    cardholderNotFound(cardholderId,
        () -> stranger.http().get("/v1/cardholders/" + cardholderId + "/spending_controls"));
    cardholderNotFound(cardholderId, () -> stranger.setControls("cardholders", cardholderId, CONTROLS));

    assertThat(owner.http().get("/v1/cardholders/" + cardholderId).text("kyc_status")).isEqualTo("pending");
  }

  @Test
  void aCardIsNotIssuedForAnotherProgramsCardholder() {
    UUID cardholderId = owner.verifiedCardholder();

    cardholderNotFound(cardholderId, () -> stranger.issueCard(cardholderId, "NGN"));
  }

  @Test
  void aProcessorOfAnotherProgramCannotAuthorizeOnTheCardAndHoldsNothing() {
    UUID cardId = owner.fundedCard("NGN", 50_000);
    CardApi processor = owner.as(client(TestApiClients.newProgram(), Mode.SANDBOX, Role.PROCESSOR));

    cardNotFound(cardId, () -> processor.authorize(cardId, 10_000, "NGN"));

    assertThat(owner.balance(cardId)).containsExactly(50_000, 0);
    assertThat(authorizations.readToEnd()).isEmpty();
  }

  @Test
  void anotherProgramsAuthorizationIsNotFoundToReadCaptureOrReverse() {
    UUID cardId = owner.fundedCard("NGN", 50_000);
    UUID authorizationId = approved(cardId, 20_000);

    authorizationNotFound(authorizationId, () -> stranger.http().get("/v1/authorizations/" + authorizationId));
    authorizationNotFound(authorizationId, () -> stranger.capture(authorizationId, 20_000));
    authorizationNotFound(authorizationId, () -> stranger.reverse(authorizationId));

    assertThat(owner.http().get("/v1/authorizations/" + authorizationId).text("status")).isEqualTo("approved");
    assertThat(owner.balance(cardId)).containsExactly(30_000, 20_000);
  }

  @Test
  void aSandboxClientDoesNotSeeTheLiveCardsOfItsOwnProgram() {
    CardApi live = owner.as(client(TestApiClients.TEST_PROGRAM, Mode.LIVE, Role.ISSUER));
    UUID cardId = live.fundedCard("NGN", 50_000);
    Http.Response card = live.card(cardId);
    assertThat(card.text("mode")).isEqualTo("live");
    UUID cardholderId = UUID.fromString(card.text("cardholder_id"));

    cardNotFound(cardId, () -> owner.card(cardId));
    cardNotFound(cardId, () -> owner.fund(cardId, 1_000, "NGN", "sandbox-funding"));
    cardholderNotFound(cardholderId, () -> owner.http().get("/v1/cardholders/" + cardholderId));
    cardholderNotFound(cardholderId, () -> owner.issueCard(cardholderId, "NGN"));

    assertThat(live.card(cardId).json()).isEqualTo(card.json());
  }

  @Test
  void twoClientsOfOneProgramSeeAndChangeTheSameCards() {
    UUID program = TestApiClients.newProgram();
    CardApi first = owner.as(client(program, Mode.SANDBOX, Role.ISSUER));
    CardApi second = owner.as(client(program, Mode.SANDBOX, Role.ISSUER));
    UUID cardId = first.fundedCard("NGN", 50_000);

    assertThat(second.card(cardId).json()).isEqualTo(first.card(cardId).json());
    assertThat(second.fund(cardId, 1_000, "NGN", "second-client").status()).isEqualTo(201);
    assertThat(first.balance(cardId)).containsExactly(51_000, 0);
    assertThat(programOf("cardholders", UUID.fromString(second.card(cardId).text("cardholder_id")))).isEqualTo(program);
    assertThat(programOf("cards", cardId)).isEqualTo(program);
  }

  @Test
  void aFinanceViewerReadsCardsButIsRefusedIssuingThem() {
    UUID cardId = owner.activeCard("NGN");
    UUID cardholderId = UUID.fromString(owner.card(cardId).text("cardholder_id"));
    CardApi viewer = owner.as(client(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Role.FINANCE_VIEWER));

    Http.Response read = viewer.card(cardId);
    Http.Response refused = traces.assertRefusedWithoutTrace(() -> viewer.issueCard(cardholderId, "NGN"), 403,
        "insufficient_scope");

    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(owner.card(cardId).json());
    assertThat(refused.text("required_scope")).isEqualTo(Scopes.CARDS_ISSUE);
  }

  private UUID programOf(String table, UUID id) {
    return jdbc.sql("select program_id from " + table + " where id = ?").param(id).query(UUID.class).single();
  }

  private static TestApiClients.Client client(UUID program, Mode mode, Role role) {
    return TestApiClients.create(program, mode, Set.of(role), List.of());
  }

  /** Refused as an unknown card is, with the same detail, and without a trace. */
  private void cardNotFound(UUID cardId, Supplier<Http.Response> request) {
    notFound(request, "card_not_found", "No card " + cardId + ".");
  }

  private void cardholderNotFound(UUID cardholderId, Supplier<Http.Response> request) {
    notFound(request, "cardholder_not_found", "No cardholder " + cardholderId + ".");
  }

  private void authorizationNotFound(UUID authorizationId, Supplier<Http.Response> request) {
    notFound(request, "authorization_not_found", "No authorization " + authorizationId + ".");
  }

  private void notFound(Supplier<Http.Response> request, String code, String detail) {
    Http.Response refused = traces.assertRefusedWithoutTrace(request, 404, code);
    assertThat(refused.text("detail")).isEqualTo(detail);
  }

  private UUID approved(UUID cardId, long amount) {
    CompletableFuture<Http.Response> answer =
        CompletableFuture.supplyAsync(() -> owner.authorize(cardId, amount, "NGN"));
    results.approve(authorizations.await(AuthorizationRequested.class, r -> r.getCardId().equals(cardId)));
    Http.Response approved = answer.join();
    assertThat(approved.json().path("approved").asBoolean()).as(approved.toString()).isTrue();
    return UUID.fromString(approved.text("id"));
  }
}
