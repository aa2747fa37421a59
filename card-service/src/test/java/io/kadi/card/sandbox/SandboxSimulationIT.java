package io.kadi.card.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.card.authorization.Results;
import io.kadi.events.authorization.v1.AuthorizationDecided;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.card.v1.KycStatus;
import io.kadi.events.card.v1.KycStatusChanged;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.Role;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * card-service's sandbox failure simulations, through the real request path: a short balance (40051), invalid
 * parameters (40055) and a KYC rejection (reference {@code sandbox_kyc_rejected}); and a live client's same requests,
 * handled as any other. See docs/api.md#sandbox-failure-simulation.
 */
@CardServiceTest
class SandboxSimulationIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  CardApi sandbox;
  CardApi live;
  Results results;
  TopicProbe authorizations;

  @BeforeEach
  void open() {
    sandbox = new CardApi(port);
    live = sandbox.as(TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.LIVE, Set.of(Role.ISSUER, Role.PROCESSOR),
        List.of()));
    results = new Results();
    authorizations = TopicProbe.fromEnd(Topics.AUTHORIZATIONS.name());
  }

  @AfterEach
  void close() {
    results.close();
    authorizations.close();
  }

  @Test
  void inSandboxTheInsufficientFundsAmountIsDeclinedAtOnceWithTheBalanceUntouchedAndTheEventsPublished() {
    UUID cardId = sandbox.fundedCard("NGN", 1_000_000);

    Http.Response declined = sandbox.authorize(cardId, 40_051, "NGN");

    assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
    assertThat(declined.json().path("approved").asBoolean()).isFalse();
    assertThat(declined.text("status")).isEqualTo("declined");
    assertThat(declined.text("decline_reason")).isEqualTo("insufficient_funds");
    assertThat(declined.json().path("stand_in").asBoolean()).isFalse();
    assertThat(declined.json().path("held_amount").asLong()).isZero();
    assertThat(sandbox.balance(cardId)).containsExactly(1_000_000, 0);
    UUID id = UUID.fromString(declined.text("id"));
    AuthorizationRequested request = authorizations.await(AuthorizationRequested.class, r -> r.getAuthorizationId().equals(id));
    assertThat(request.getDeclinedAtRequest()).isEqualTo("insufficient_funds");
    AuthorizationDecided decided = authorizations.await(AuthorizationDecided.class, d -> d.getAuthorizationId().equals(id));
    assertThat(decided.getApproved()).isFalse();
    assertThat(decided.getDeclineReason()).isEqualTo("insufficient_funds");
    assertThat(decided.getAvailableBalance()).isEqualTo(1_000_000);
  }

  @Test
  void inSandboxTheInvalidParametersAmountIsRefusedNamingTheAmountHoldingAndPublishingNothing() {
    UUID cardId = sandbox.fundedCard("NGN", 1_000_000);
    long rowsBefore = jdbc.sql("select count(*) from authorizations").query(Long.class).single();

    Http.Response refused = sandbox.authorize(cardId, 40_055, "NGN");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.text("code")).isEqualTo("validation_failed");
    assertThat(refused.text("detail")).isEqualTo("Some fields are missing or invalid: amount.");
    assertThat(refused.json().path("errors")).hasSize(1);
    assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("amount");
    assertThat(refused.json().path("errors").get(0).path("message").asText())
        .isEqualTo("has an invalid value: 40055 simulates invalid parameters in sandbox");
    assertThat(refused.text("request_id")).isEqualTo(refused.header("X-Request-Id"));
    assertThat(jdbc.sql("select count(*) from authorizations").query(Long.class).single()).isEqualTo(rowsBefore);
    assertThat(sandbox.balance(cardId)).containsExactly(1_000_000, 0);
    assertThat(authorizations.readToEnd()).isEmpty();
  }

  @Test
  void inLiveTheSameAmountsAreHeldAndApprovedAsAnyOther() {
    UUID cardId = live.fundedCard("NGN", 1_000_000);

    Http.Response funds = approvedInLive(cardId, 40_051);
    Http.Response parameters = approvedInLive(cardId, 40_055);

    assertThat(funds.json().path("held_amount").asLong()).isEqualTo(40_051);
    assertThat(parameters.json().path("held_amount").asLong()).isEqualTo(40_055);
    assertThat(live.balance(cardId)).containsExactly(1_000_000 - 40_051 - 40_055, 40_051 + 40_055);
  }

  private Http.Response approvedInLive(UUID cardId, long amount) {
    CompletableFuture<Http.Response> answer = CompletableFuture.supplyAsync(() -> live.authorize(cardId, amount, "NGN"));
    AuthorizationRequested request = authorizations.await(AuthorizationRequested.class,
        r -> r.getCardId().equals(cardId) && r.getAmount() == amount);
    assertThat(request.getDeclinedAtRequest()).isNull();
    assertThat(request.getMetadata().getMode()).isEqualTo(io.kadi.events.common.v1.Mode.live);
    results.approve(request);
    Http.Response approved = answer.join();
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().path("approved").asBoolean()).as(approved.toString()).isTrue();
    assertThat(approved.text("status")).isEqualTo("approved");
    return approved;
  }

  @Test
  void inSandboxAKycDecisionWithTheRejectedReferenceIsARejectionAndCardsAreThenRefused() {
    UUID id = UUID.fromString(sandbox.createCardholder("Ada Obi").text("id"));
    try (TopicProbe events = TopicProbe.fromEnd(Topics.CARD_EVENTS.name())) {
      Http.Response decided = sandbox.decideKyc(id,
          "{\"status\": \"verified\", \"tier\": 2, \"reference\": \"sandbox_kyc_rejected\"}");

      assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
      assertThat(decided.text("kyc_status")).isEqualTo("rejected");
      assertThat(decided.json().path("kyc_tier").isNull()).isTrue();
      assertThat(decided.text("kyc_reference")).isEqualTo("sandbox_kyc_rejected");
      KycStatusChanged changed = events.await(KycStatusChanged.class, k -> k.getCardholderId().equals(id));
      assertThat(changed.getPreviousStatus()).isEqualTo(KycStatus.pending);
      assertThat(changed.getStatus()).isEqualTo(KycStatus.rejected);
      assertThat(changed.getTier()).isNull();
      assertThat(changed.getReference()).isEqualTo("sandbox_kyc_rejected");
    }
    Http.Response card = sandbox.issueCard(id, "NGN");
    assertThat(card.status()).as(card.toString()).isEqualTo(422);
    assertThat(card.text("code")).isEqualTo("kyc_not_verified");
  }

  @Test
  void inLiveTheRejectedReferenceIsAReferenceLikeAnyOther() {
    UUID id = UUID.fromString(live.createCardholder("Ada Obi").text("id"));

    Http.Response decided = live.decideKyc(id, "{\"status\": \"verified\", \"tier\": 2, \"reference\": \"sandbox_kyc_rejected\"}");

    assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    assertThat(decided.text("kyc_status")).isEqualTo("verified");
    assertThat(decided.json().path("kyc_tier").asInt()).isEqualTo(2);
    assertThat(live.issueCard(id, "NGN").status()).isEqualTo(201);
  }
}
