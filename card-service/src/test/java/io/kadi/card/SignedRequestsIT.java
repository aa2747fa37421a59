package io.kadi.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.ApiCredentials;
import io.kadi.kit.security.Role;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A funding refused by authentication (tampered, replayed, stale, from a revoked key or from outside the allowlist)
 * moves no money, writes nothing, publishes nothing but its access log entry, which names why.
 */
@CardServiceTest
class SignedRequestsIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TestApiClients.Client issuer;
  Http http;
  Traces traces;
  TopicProbe accessLog;
  UUID card;

  @BeforeEach
  void setUp() {
    issuer = TestApiClients.create(TestApiClients.newProgram(), Mode.SANDBOX, Set.of(Role.ISSUER), List.of());
    http = new Http(port, issuer.credentials());
    card = new CardApi(port).as(issuer).activeCard("NGN");
    traces = new Traces(jdbc);
    accessLog = TopicProbe.fromEnd(Topics.API_ACCESS.name());
  }

  @AfterEach
  void closeProbe() {
    accessLog.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"method", "path", "query", "body", "timestamp", "nonce"})
  void aTamperedFundingMovesNoMoney(String part) {
    refused(issuer.credentials(), Instant.now().getEpochSecond(), signed -> {
      switch (part) {
        case "method" -> signed.method = "PUT";
        case "path" -> signed.path = "/v1/cards/" + UUID.randomUUID() + "/fundings";
        case "query" -> signed.path = signed.path + "?amount=1";
        case "body" -> signed.body = signed.body.replace("150000", "15000000");
        case "timestamp" -> signed.headers.compute(ApiCredentials.TIMESTAMP_HEADER, (name, value) -> Long.toString(Long.parseLong(value) + 1));
        case "nonce" -> signed.headers.put(ApiCredentials.NONCE_HEADER, "0123456789abcdef-tampered");
        default -> throw new IllegalArgumentException(part);
      }
    }, 401, "invalid_signature");
  }

  @Test
  void aReplayedFundingIsRefusedAndTheMoneyMovesOnce() {
    Signed first = signed(issuer.credentials(), Instant.now().getEpochSecond());
    assertThat(first.send(http).status()).isEqualTo(201);

    traces.assertRefusedWithoutTrace(() -> first.send(http), 401, "request_replayed");
    assertThat(jdbc.sql("select count(*) from fundings where card_id = ?").param(card).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aStaleFundingIsRefused() {
    refused(issuer.credentials(), Instant.now().getEpochSecond() - 600, signed -> {}, 401, "timestamp_out_of_range");
  }

  @Test
  void aFundingWithARevokedOrExpiredKeyIsRefused() {
    ApiCredentials revoked = TestApiClients.addKey(issuer.clientId(), Mode.SANDBOX, null);
    jdbc.sql("update iam.api_keys set revoked_at = now() where id = ?").param(revoked.keyId()).update();
    ApiCredentials expired = TestApiClients.addKey(issuer.clientId(), Mode.SANDBOX, Instant.now().minusSeconds(1));

    refused(revoked, Instant.now().getEpochSecond(), signed -> {}, 401, "key_revoked");
    refused(expired, Instant.now().getEpochSecond(), signed -> {}, 401, "key_expired");
  }

  @Test
  void aFundingFromOutsideTheAllowlistIsRefused() {
    TestApiClients.Client remote = TestApiClients.create(issuer.programId(), Mode.SANDBOX, Set.of(Role.ISSUER),
        List.of("196.201.214.0/24"));

    refused(remote.credentials(), Instant.now().getEpochSecond(), signed -> {}, 403, "ip_not_allowed");
  }

  private void refused(ApiCredentials credentials, long timestamp, Consumer<Signed> tamper, int status, String code) {
    Signed signed = signed(credentials, timestamp);
    tamper.accept(signed);
    String requestId = "refused-" + UUID.randomUUID();
    signed.headers.put("X-Request-Id", requestId);

    traces.assertRefusedWithoutTrace(() -> signed.send(http), status, code);

    ApiRequestLogged logged = accessLog.await(ApiRequestLogged.class, record -> record.getMetadata().getRequestId().equals(requestId));
    assertThat(logged.getRefusal()).isEqualTo(code);
    assertThat(logged.getStatus()).isEqualTo(status);
    assertThat(logged.getAuthenticated()).isFalse();
    assertThat(logged.getKeyId()).isEqualTo(credentials.keyId());
  }

  /** A funding of NGN 1,500.00 as signed, whose parts a test may then change. */
  private Signed signed(ApiCredentials credentials, long timestamp) {
    Signed signed = new Signed();
    signed.method = "POST";
    signed.path = "/v1/cards/" + card + "/fundings";
    signed.body = "{\"amount\": 150000, \"currency\": \"NGN\", \"reference\": \"ref-" + UUID.randomUUID() + "\"}";
    signed.headers = new LinkedHashMap<>(credentials.sign(signed.method, URI.create(http.baseUrl() + signed.path),
        signed.body.getBytes(StandardCharsets.UTF_8), timestamp, "nonce-" + UUID.randomUUID()));
    signed.headers.put("Content-Type", "application/json");
    return signed;
  }

  private static final class Signed {
    String method;
    String path;
    String body;
    Map<String, String> headers;

    Http.Response send(Http http) {
      return http.sendUnsigned(method, path, body, headers);
    }
  }
}
