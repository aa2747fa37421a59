package io.kadi.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.events.alert.v1.Alert;
import io.kadi.events.alert.v1.AlertSeverity;
import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.events.common.v1.Metadata;
import io.kadi.events.common.v1.Mode;
import io.kadi.kit.security.ApiCredentials;
import io.kadi.kit.security.Role;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.localstack.Services;
import io.kadi.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security alerts end to end: real requests to card-service, signed with the wrong secret or sent from outside the
 * client's allowlist, go through card-service's access log to risk-service, and come out as alerts.
 */
class SecurityAlertsEndToEndIT {

  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final Metadata ANY_METADATA = Metadata.newBuilder().setEventId(new UUID(0, 0)).setOccurredAt(Instant.EPOCH)
      .setRequestId("any").setCausationId(null).setActorClientId("any").setMode(Mode.sandbox).build();

  static Services services;

  @BeforeAll
  static void start() {
    services = Services.all();
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  @Test
  void badSignaturesToCardServiceRaiseOneRepeatedBadSignaturesAlertAndARequestFromOutsideTheAllowlistACriticalOne() {
    TestApiClients.Client client = TestApiClients.create(TestApiClients.TEST_PROGRAM, io.kadi.kit.context.Mode.SANDBOX,
        Set.of(Role.ISSUER), List.of("203.0.113.0/24"));
    String clientId = client.clientId().toString();
    Http wrongSecret = new Http(services.cardPort(), new ApiCredentials(client.keyId(), "c2lnbmVkLXdpdGgtdGhlLXdyb25nLXNlY3JldA"));
    Http fromHere = new Http(services.cardPort(), client.credentials());
    awaitWellInsideAWindow();
    try (TopicProbe accessLog = TopicProbe.fromEnd(Topics.API_ACCESS.name()); TopicProbe alerts = TopicProbe.fromEnd(Topics.ALERTS.name())) {
      List<Http.Response> badSignatures = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        badSignatures.add(wrongSecret.get("/v1/cards/" + UUID.randomUUID()));
      }
      Http.Response outsideAllowlist = fromHere.get("/v1/cards/" + UUID.randomUUID());

      assertThat(badSignatures).allSatisfy(response -> {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("invalid_signature");
      });
      assertThat(outsideAllowlist.status()).as(outsideAllowlist.toString()).isEqualTo(403);
      assertThat(outsideAllowlist.text("code")).isEqualTo("ip_not_allowed");
      // Both alerts are keyed by the client, so the second in means the first, and any other before it, is in too.
      List<Alert> raised = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
          .until(() -> alerts.readToEnd(Alert.class, alert -> alert.getSubjectId().equals(clientId)), list -> list.size() >= 2);
      List<ApiRequestLogged> logged = await().atMost(Duration.ofSeconds(30)).until(() -> accessLog.readToEnd(ApiRequestLogged.class,
          record -> record.getMetadata().getActorClientId().equals(clientId)), list -> list.size() >= 7);

      ApiRequestLogged fifth = logged.get(4);
      ApiRequestLogged outside = logged.get(6);
      assertThat(withoutIds(raised)).containsExactly(
          alert("repeated_bad_signatures", AlertSeverity.warning, clientId,
              "API client %s sent 5 requests with an invalid signature in the 5-minute window from %s."
                  .formatted(clientId, windowOf(fifth)),
              Map.of("count", "5", "window", intervalOf(fifth), "keyId", client.keyId(), "lastSourceIp", fifth.getSourceIp())),
          alert("request_outside_allowlist", AlertSeverity.critical, clientId,
              ("API client %s sent 1 request with a valid signature from outside its allowlist (%s) in the 5-minute window "
                  + "from %s: its secret may have leaked.").formatted(clientId, outside.getSourceIp(), windowOf(outside)),
              Map.of("count", "1", "window", intervalOf(outside), "keyId", client.keyId(), "sourceIp", outside.getSourceIp(),
                  "service", "card-service", "route", "/v1/cards/{cardId}")));
      assertThat(raised.getFirst().getMetadata().getRequestId()).isEqualTo(badSignatures.get(4).header("X-Request-Id"));
      assertThat(raised.getFirst().getMetadata().getCausationId()).isEqualTo(fifth.getMetadata().getEventId().toString());
      assertThat(raised.getLast().getMetadata().getRequestId()).isEqualTo(outsideAllowlist.header("X-Request-Id"));
    }
  }

  /**
   * Seven requests take well under a second: starting them at least 30 seconds before a 5-minute window ends keeps the
   * bad signatures in one window, which the alert's count depends on.
   */
  private static void awaitWellInsideAWindow() {
    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
        .until(() -> Duration.between(Instant.now(), windowStart(Instant.now()).plus(WINDOW)).toSeconds() >= 30);
  }

  private static Instant windowOf(ApiRequestLogged record) {
    return windowStart(record.getMetadata().getOccurredAt());
  }

  private static String intervalOf(ApiRequestLogged record) {
    return windowOf(record) + "/" + windowOf(record).plus(WINDOW);
  }

  private static Instant windowStart(Instant at) {
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), WINDOW.toMillis()) * WINDOW.toMillis());
  }

  private static Alert alert(String type, AlertSeverity severity, String clientId, String summary, Map<String, String> details) {
    return Alert.newBuilder().setMetadata(ANY_METADATA).setAlertId(new UUID(0, 0)).setType(type).setSeverity(severity)
        .setSubjectType("api_client").setSubjectId(clientId).setSummary(summary).setDetails(details).build();
  }

  private static List<Alert> withoutIds(List<Alert> alerts) {
    return alerts.stream().map(a -> Alert.newBuilder(a).setMetadata(ANY_METADATA).setAlertId(new UUID(0, 0)).build()).toList();
  }
}
