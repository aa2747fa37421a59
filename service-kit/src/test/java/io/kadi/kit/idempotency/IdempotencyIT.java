package io.kadi.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.kit.testapp.Gates;
import io.kadi.kit.testapp.KitIntegrationTest;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.ApiSecurityProperties;
import io.kadi.kit.security.Role;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import java.util.List;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotency keys over real HTTP and a real PostgreSQL. The endpoints write a note per execution (under the body's
 * effect_key) and answer with its id, so that the notes count the executions and no two executions answer alike.
 * Keys are per API client: the caller is the client that signed the request.
 */
@KitIntegrationTest
class IdempotencyIT {

  private static final TestApiClients.Client CALLER = issuer();
  private static final TestApiClients.Client OTHER_CALLER = issuer();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Gates gates;
  @Autowired IdempotencyKeyJanitor janitor;
  @Autowired IdempotencyProperties properties;
  @Autowired ApiSecurityProperties security;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void aReplayReturnsTheFirstResponseIdenticallyAndTheHandlerRunsOnce() {
    UUID effect = UUID.randomUUID();
    String key = newKey();

    Http.Response first = post("/test/effects", effect(effect, "once"), key, CALLER);
    Http.Response replay = post("/test/effects", effect(effect, "once"), key, CALLER);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.header("Location")).startsWith("/test/effects/");
    assertReplayOf(replay, first);
    assertThat(executions(effect)).isEqualTo(1);
  }

  @Test
  void theKeyUsedForADifferentRequestIsRefusedAndNothingRuns() {
    UUID effect = UUID.randomUUID();
    String key = newKey();
    post("/test/effects", effect(effect, "first"), key, CALLER);

    Http.Response otherBody = post("/test/effects", effect(effect, "second"), key, CALLER);
    Http.Response otherPath = post("/test/effects/async", effect(effect, "first"), key, CALLER);
    Http.Response otherQuery = post("/test/effects?variant=2", effect(effect, "first"), key, CALLER);

    assertProblem(otherBody, 422, "idempotency_key_reused");
    assertProblem(otherPath, 422, "idempotency_key_reused");
    assertProblem(otherQuery, 422, "idempotency_key_reused");
    assertThat(executions(effect)).isEqualTo(1);
  }

  @Test
  void aRequestWhileTheKeysFirstIsRunningIsToldItIsInUseAndTheReplayWorksOnceItCompletes() throws Exception {
    UUID effect = UUID.randomUUID();
    String key = newKey();
    String gate = "in-use-" + effect;
    CompletableFuture<Http.Response> running = CompletableFuture.supplyAsync(
        () -> post("/test/effects/gated", effect(effect, gate), key, CALLER));
    await().until(() -> gates.arrivals(gate) == 1);

    Http.Response concurrent = post("/test/effects/gated", effect(effect, gate), key, CALLER);
    Http.Response different = post("/test/effects/gated", effect(effect, "another"), key, CALLER);

    assertProblem(concurrent, 409, "idempotency_key_in_use");
    assertThat(concurrent.header("Retry-After")).isEqualTo("1");
    assertProblem(different, 422, "idempotency_key_reused");

    gates.open(gate);
    Http.Response first = running.get(30, TimeUnit.SECONDS);
    Http.Response replay = post("/test/effects/gated", effect(effect, gate), key, CALLER);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertReplayOf(replay, first);
    assertThat(gates.arrivals(gate)).isEqualTo(1);
    assertThat(executions(effect)).isEqualTo(1);
  }

  @Test
  void theSameKeyFromTwoCallersIsTwoKeys() {
    UUID effect = UUID.randomUUID();
    String key = newKey();

    Http.Response fromA = post("/test/effects", effect(effect, "shared key"), key, CALLER);
    Http.Response fromB = post("/test/effects", effect(effect, "shared key"), key, OTHER_CALLER);
    Http.Response replayToA = post("/test/effects", effect(effect, "shared key"), key, CALLER);
    Http.Response replayToB = post("/test/effects", effect(effect, "shared key"), key, OTHER_CALLER);

    assertThat(fromA.status()).isEqualTo(201);
    assertThat(fromB.status()).isEqualTo(201);
    assertThat(fromB.header("Idempotent-Replayed")).isNull();
    assertThat(fromB.text("note_id")).isNotEqualTo(fromA.text("note_id"));
    assertReplayOf(replayToA, fromA);
    assertReplayOf(replayToB, fromB);
    assertThat(executions(effect)).isEqualTo(2);
  }

  @Test
  void aServerErrorIsNotStoredAndTheRetryRuns() {
    UUID effect = UUID.randomUUID();
    String key = newKey();

    Http.Response failed = post("/test/effects/flaky", effect(effect, "flaky"), key, CALLER);
    Http.Response retried = post("/test/effects/flaky", effect(effect, "flaky"), key, CALLER);
    Http.Response replay = post("/test/effects/flaky", effect(effect, "flaky"), key, CALLER);

    assertProblem(failed, 500, "internal_error");
    assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
    assertThat(retried.header("Idempotent-Replayed")).isNull();
    assertReplayOf(replay, retried);
    assertThat(executions(effect)).isEqualTo(1);
  }

  @Test
  void aClientErrorIsStoredAndReplayedWithTheFirstRequestsId() {
    UUID effect = UUID.randomUUID();
    String key = newKey();
    String invalid = effect(effect, " ");

    Http.Response refused = post("/test/effects", invalid, key, CALLER);
    Http.Response replay = post("/test/effects", invalid, key, CALLER);

    assertProblem(refused, 400, "validation_failed");
    assertReplayOf(replay, refused);
    assertThat(replay.text("request_id")).isEqualTo(refused.header("X-Request-Id")).isNotEqualTo(replay.header("X-Request-Id"));
  }

  @Test
  void requestsWithoutAKeyRunEveryTime() {
    UUID effect = UUID.randomUUID();

    Http.Response withoutKey = post("/test/effects", effect(effect, "plain"), null, CALLER);
    Http.Response againWithoutKey = post("/test/effects", effect(effect, "plain"), null, CALLER);

    for (Http.Response response : new Http.Response[] {withoutKey, againWithoutKey}) {
      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      assertThat(response.header("Idempotent-Replayed")).isNull();
    }
    assertThat(executions(effect)).isEqualTo(2);
  }

  @Test
  void anAsynchronousResponseIsStoredWhenItCompletesAndReplayed() {
    UUID effect = UUID.randomUUID();
    String key = newKey();

    Http.Response first = post("/test/effects/async", effect(effect, "async"), key, CALLER);
    Http.Response replay = post("/test/effects/async", effect(effect, "async"), key, CALLER);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.text("note_id")).isNotBlank();
    assertReplayOf(replay, first);
    assertThat(executions(effect)).isEqualTo(1);
  }

  @Test
  void keysPastTheRetentionArePurgedAndOthersKept() {
    UUID oldEffect = UUID.randomUUID();
    UUID recentEffect = UUID.randomUUID();
    String oldKey = newKey();
    String recentKey = newKey();
    post("/test/effects", effect(oldEffect, "old"), oldKey, CALLER);
    Http.Response recent = post("/test/effects", effect(recentEffect, "recent"), recentKey, CALLER);
    age(oldKey, properties.retention().toSeconds() + 60);
    age(recentKey, properties.retention().toSeconds() - 60);

    assertThat(janitor.purge()).isPositive();

    assertThat(jdbc.sql("select idempotency_key from idempotency_keys where idempotency_key in (?, ?)")
        .params(oldKey, recentKey).query(String.class).list()).containsExactly(recentKey);
    Http.Response oldAgain = post("/test/effects", effect(oldEffect, "old"), oldKey, CALLER);
    assertThat(oldAgain.status()).isEqualTo(201);
    assertThat(oldAgain.header("Idempotent-Replayed")).isNull();
    assertThat(executions(oldEffect)).isEqualTo(2);
    assertReplayOf(post("/test/effects", effect(recentEffect, "recent"), recentKey, CALLER), recent);
  }

  @Test
  void aClaimInProgressPastTheLockTimeoutIsTakenOverAndTheTakersResponseIsTheOneStored() throws Exception {
    UUID effect = UUID.randomUUID();
    String key = newKey();
    String gate = "stale-" + effect;
    CompletableFuture<Http.Response> stale = CompletableFuture.supplyAsync(
        () -> post("/test/effects/gated", effect(effect, gate), key, CALLER));
    await().until(() -> gates.arrivals(gate) == 1);
    jdbc.sql("update idempotency_keys set locked_at = now() - make_interval(secs => ?) where caller = ? and idempotency_key = ?")
        .params(properties.lockTimeout().toSeconds() + 1, CALLER.clientId().toString(), key).update();

    CompletableFuture<Http.Response> taker = CompletableFuture.supplyAsync(
        () -> post("/test/effects/gated", effect(effect, gate), key, CALLER));
    await().until(() -> gates.arrivals(gate) == 2);
    gates.open(gate);
    Http.Response staleResponse = stale.get(30, TimeUnit.SECONDS);
    Http.Response takerResponse = taker.get(30, TimeUnit.SECONDS);
    Http.Response replay = post("/test/effects/gated", effect(effect, gate), key, CALLER);

    assertThat(staleResponse.status()).isEqualTo(201);
    assertThat(takerResponse.status()).isEqualTo(201);
    assertThat(executions(effect)).as("the crash window: a taken-over request runs again").isEqualTo(2);
    assertReplayOf(replay, takerResponse);
  }

  /** Other characters than printable ASCII are refused too (IdempotencyKeyFormatTest); Java's client cannot send them. */
  @Test
  void aKeyOfTheWrongShapeIsRefusedAndNothingRuns() {
    UUID effect = UUID.randomUUID();

    assertProblem(post("/test/effects", effect(effect, "x"), "k".repeat(256), CALLER), 400, "invalid_idempotency_key");
    assertProblem(post("/test/effects", effect(effect, "x"), "", CALLER), 400, "invalid_idempotency_key");
    assertThat(executions(effect)).isZero();
  }

  @Test
  void aBodyOverTheLimitIsRefusedAndNothingIsClaimed() {
    String key = newKey();
    String tooLarge = "{\"text\":\"" + "x".repeat((int) security.maxBodySize().toBytes()) + "\"}";

    assertProblem(post("/test/effects", tooLarge, key, CALLER), 413, "payload_too_large");
    assertThat(jdbc.sql("select count(*) from idempotency_keys where idempotency_key = ?").param(key)
        .query(Integer.class).single()).isZero();
  }

  private Http.Response post(String path, String body, String key, TestApiClients.Client caller) {
    Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
    if (key != null) {
      headers.put("Idempotency-Key", key);
    }
    return http.as(caller).send("POST", path, body, headers);
  }

  private static TestApiClients.Client issuer() {
    return TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.ISSUER), List.of());
  }

  private void age(String key, long seconds) {
    jdbc.sql("update idempotency_keys set created_at = now() - make_interval(secs => ?) where idempotency_key = ?")
        .params(seconds, key).update();
  }

  private int executions(UUID effect) {
    return jdbc.sql("select count(*) from notes where key = ?").param(effect).query(Integer.class).single();
  }

  private static String effect(UUID effect, String text) {
    return "{\"effect_key\":\"" + effect + "\",\"text\":\"" + text + "\"}";
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }

  private static void assertReplayOf(Http.Response replay, Http.Response original) {
    assertThat(original.header("Idempotent-Replayed")).isNull();
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.status()).isEqualTo(original.status());
    assertThat(replay.raw().body()).isEqualTo(original.raw().body());
    assertThat(replay.contentType()).isEqualTo(original.contentType());
    assertThat(replay.header("Location")).isEqualTo(original.header("Location"));
  }

  private static void assertProblem(Http.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
    assertThat(response.text("request_id")).isNotBlank().isEqualTo(response.header("X-Request-Id"));
  }
}
