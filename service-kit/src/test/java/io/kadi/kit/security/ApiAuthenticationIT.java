package io.kadi.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.kit.context.Mode;
import io.kadi.kit.testapp.KitIntegrationTest;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every way a request can fail authentication is refused with its own code before any handler runs, and is in the
 * access log with that code.
 */
@KitIntegrationTest
class ApiAuthenticationIT {

  private static final String THINGS = "/test/things";
  private static final String BODY = "{\"display_name\":\"a\",\"amount\":1}";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Http http;
  TestApiClients.Client issuer;
  TopicProbe accessLog;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    issuer = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.ISSUER), List.of());
    accessLog = TopicProbe.fromEnd(Topics.API_ACCESS.name());
  }

  @AfterEach
  void closeProbe() {
    accessLog.close();
  }

  @Test
  void aSignedRequestReachesItsHandlerAsItsClientAndIsLogged() {
    Http.Response response = post(http.as(issuer), signed(issuer, "POST", THINGS, BODY), BODY, "ok-1");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.text("actor")).isEqualTo(issuer.clientId().toString());
    ApiRequestLogged logged = logged("ok-1");
    assertThat(logged.getAuthenticated()).isTrue();
    assertThat(logged.getRefusal()).isNull();
    assertThat(logged.getStatus()).isEqualTo(200);
    assertThat(logged.getRoute()).isEqualTo(THINGS);
    assertThat(logged.getKeyId()).isEqualTo(issuer.keyId());
    assertThat(logged.getMetadata().getActorClientId()).isEqualTo(issuer.clientId().toString());
    assertThat(logged.getSourceIp()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
  }

  /** Each signed part changed after signing: the signature no longer matches. */
  @ParameterizedTest
  @ValueSource(strings = {"method", "path", "query", "body", "timestamp", "nonce"})
  void aRequestTamperedWithAfterSigningIsRefused(String part) {
    Map<String, String> headers = signed(issuer, "POST", THINGS + "?b=2&a=1", BODY);
    String method = "POST";
    String path = THINGS + "?b=2&a=1";
    String body = BODY;
    switch (part) {
      case "method" -> method = "PUT";
      case "path" -> path = "/test/thingz?b=2&a=1";
      case "query" -> path = THINGS + "?b=3&a=1";
      case "body" -> body = BODY.replace("\"amount\":1", "\"amount\":1000");
      case "timestamp" -> headers.put(ApiCredentials.TIMESTAMP_HEADER,
          Long.toString(Long.parseLong(headers.get(ApiCredentials.TIMESTAMP_HEADER)) - 1));
      case "nonce" -> headers.put(ApiCredentials.NONCE_HEADER, "another-nonce-0123456789");
      default -> throw new IllegalArgumentException(part);
    }
    headers.put("X-Request-Id", "tampered-" + part);

    Http.Response response = http.sendUnsigned(method, path, body, withJson(headers));

    assertRefused(response, 401, "invalid_signature", "tampered-" + part);
  }

  @Test
  void theQueryMaySayItsParametersInAnyOrderAsSignedSorted() {
    Map<String, String> headers = signed(issuer, "POST", THINGS + "?a=1&b=2", BODY);
    headers.put("X-Request-Id", "reordered");

    Http.Response response = http.sendUnsigned("POST", THINGS + "?b=2&a=1", BODY, withJson(headers));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  @Test
  void aReplayedRequestIsRefused() {
    Map<String, String> headers = signed(issuer, "POST", THINGS, BODY);
    assertThat(http.sendUnsigned("POST", THINGS, BODY, withJson(headers)).status()).isEqualTo(200);
    headers.put("X-Request-Id", "replayed");

    assertRefused(http.sendUnsigned("POST", THINGS, BODY, withJson(headers)), 401, "request_replayed", "replayed");
  }

  @ParameterizedTest
  @ValueSource(longs = {-301, 301})
  void aTimestampOutsideTheAllowedSkewIsRefusedEitherWay(long offsetSeconds) {
    long signedAt = Instant.now().getEpochSecond() + offsetSeconds;
    Map<String, String> headers = new LinkedHashMap<>(issuer.credentials().sign("POST", uri(THINGS),
        BODY.getBytes(StandardCharsets.UTF_8), signedAt, "skewed-nonce-" + UUID.randomUUID()));

    Http.Response response = post(http, headers, BODY, "skewed" + offsetSeconds);

    assertRefused(response, 401, "timestamp_out_of_range", "skewed" + offsetSeconds);
    assertThat(response.json().path("server_time").asLong()).isCloseTo(Instant.now().getEpochSecond(),
        org.assertj.core.data.Offset.offset(5L));
  }

  @Test
  void aRevokedKeyIsRefused() {
    TestApiClients.Client revoked = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.ISSUER), List.of());
    jdbc.sql("update iam.api_keys set revoked_at = now() where id = ?").param(revoked.keyId()).update();

    assertRefused(post(http.as(revoked), signed(revoked, "POST", THINGS, BODY), BODY, "revoked"), 401, "key_revoked", "revoked");
  }

  @Test
  void anExpiredKeyIsRefusedWhileTheCurrentOneWorks() {
    ApiCredentials expired = TestApiClients.addKey(issuer.clientId(), Mode.SANDBOX, Instant.now().minusSeconds(1));

    assertRefused(post(http.as(expired), signed(expired, "POST", THINGS, BODY), BODY, "expired"), 401, "key_expired", "expired");
    assertThat(post(http.as(issuer), signed(issuer, "POST", THINGS, BODY), BODY, "current").status()).isEqualTo(200);
  }

  @Test
  void anUnknownKeyAndAMissingSignatureAreRefused() {
    ApiCredentials unknown = new ApiCredentials(ApiKey.generate(Mode.SANDBOX).keyId(), "kss_test_whatever");
    assertRefused(post(http, signed(unknown, "POST", THINGS, BODY), BODY, "unknown"), 401, "unknown_key", "unknown");

    Http.Response unsigned = http.sendUnsigned("POST", THINGS, BODY,
        Map.of("Content-Type", "application/json", "X-Request-Id", "unsigned"));
    assertRefused(unsigned, 401, "missing_signature", "unsigned");
    assertThat(unsigned.header("WWW-Authenticate")).isEqualTo(CanonicalRequest.ALGORITHM);
  }

  @Test
  void anAddressOutsideTheAllowlistIsRefusedAndOneInsideIsNot() {
    TestApiClients.Client elsewhere = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.ISSUER),
        List.of("196.201.214.0/24", "2c0f:fe38::/32"));
    TestApiClients.Client local = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.ISSUER),
        List.of("10.0.0.0/8", "127.0.0.0/8", "::1/128"));

    assertRefused(post(http.as(elsewhere), signed(elsewhere, "POST", THINGS, BODY), BODY, "outside"), 403,
        "ip_not_allowed", "outside");
    assertThat(post(http.as(local), signed(local, "POST", THINGS, BODY), BODY, "inside").status()).isEqualTo(200);
  }

  @Test
  void aForwardedForHeaderFromAnUntrustedPeerIsNotBelieved() {
    TestApiClients.Client african = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.ISSUER),
        List.of("196.201.214.0/24"));
    Map<String, String> headers = signed(african, "POST", THINGS, BODY);
    headers.put("X-Forwarded-For", "196.201.214.7");
    headers.put("X-Request-Id", "forged-xff");

    assertRefused(http.sendUnsigned("POST", THINGS, BODY, withJson(headers)), 403, "ip_not_allowed", "forged-xff");
  }

  @Test
  void aClientWithoutTheScopeIsRefusedBeforeTheHandler() {
    TestApiClients.Client viewer = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX,
        Set.of(Role.FINANCE_VIEWER), List.of());

    Http.Response response = post(http.as(viewer), signed(viewer, "POST", THINGS, BODY), BODY, "no-scope");

    assertRefused(response, 403, "insufficient_scope", "no-scope");
    assertThat(response.text("required_scope")).isEqualTo(Scopes.CARDS_ISSUE);
    assertThat(logged("no-scope").getRoute()).isEqualTo(THINGS);
  }

  @Test
  void theLogNamesTheRouteAndTheIdsInThePathButNeverTheQuery() {
    UUID thing = UUID.randomUUID();
    Http.Response response = http.as(issuer).send("GET", "/test/things/" + thing + "?secret=hunter2", null,
        Map.of("X-Request-Id", "path-ids"));

    assertThat(response.text("code")).as(response.toString()).isEqualTo("thing_not_found");
    ApiRequestLogged logged = logged("path-ids");
    assertThat(logged.getRoute()).isEqualTo("/test/things/{thingId}");
    assertThat(logged.getPathIds()).containsExactly(Map.entry("thingId", thing.toString()));
    assertThat(logged.getRefusal()).as("a handler's refusal is logged with its code too").isEqualTo("thing_not_found");
    assertThat(logged.toString()).doesNotContain("hunter2");
  }

  private void assertRefused(Http.Response response, int status, String code, String requestId) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
    assertThat(response.text("request_id")).isEqualTo(requestId);
    ApiRequestLogged logged = logged(requestId);
    assertThat(logged.getStatus()).isEqualTo(status);
    assertThat(logged.getRefusal()).isEqualTo(code);
  }

  private ApiRequestLogged logged(String requestId) {
    return accessLog.await(ApiRequestLogged.class, record -> record.getMetadata().getRequestId().equals(requestId));
  }

  private Map<String, String> signed(TestApiClients.Client client, String method, String path, String body) {
    return signed(client.credentials(), method, path, body);
  }

  private Map<String, String> signed(ApiCredentials credentials, String method, String path, String body) {
    return new LinkedHashMap<>(credentials.sign(method, uri(path), body.getBytes(StandardCharsets.UTF_8)));
  }

  private Http.Response post(Http client, Map<String, String> headers, String body, String requestId) {
    headers.put("X-Request-Id", requestId);
    return client.sendUnsigned("POST", THINGS, body, withJson(headers));
  }

  private static Map<String, String> withJson(Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    return all;
  }

  private URI uri(String path) {
    return URI.create(http.baseUrl() + path);
  }
}
