package io.kadi.card.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardServiceTest;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.ApiCredentials;
import io.kadi.kit.security.Role;
import io.kadi.kit.security.Scopes;
import io.kadi.kit.security.StepUps;
import io.kadi.kit.security.totp.TotpSecret;
import java.util.Map;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Key management over the API: creation, rotation, revocation, and what a client may not grant or see. */
@CardServiceTest
class ApiClientsIT {


  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TestApiClients.Client admin;
  Http http;

  @BeforeEach
  void setUp() {
    admin = TestApiClients.create(TestApiClients.newProgram(), Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    http = new Http(port, admin.credentials());
    steppedUp(admin);
  }

  /** As if the admin had just sent its TOTP code (StepUpIT and stepUp... below show that path). */
  private void steppedUp(TestApiClients.Client client) {
    TestApiClients.enrolTotp(client.clientId());
    jdbc.sql("insert into step_ups (key_id, last_step, elevated_until) values (?, 0, now() + interval '5 minutes')")
        .param(client.keyId()).update();
  }

  @Test
  void aNewClientGetsAKeyOfItsModeWhoseSecretIsShownOnceAndSignsItsRequests() {
    Http.Response created = http.post("/v1/api_clients", """
        {"name": "payouts back office", "mode": "sandbox", "roles": ["issuer"], "scopes": ["audit:read"],
         "allowed_ips": ["127.0.0.1", "::1", "10.1.2.3/8"]}""");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Cache-Control")).isEqualTo("no-store");
    String keyId = created.text("key_id");
    String secret = created.text("secret");
    assertThat(keyId).matches("ksk_test_[0-9a-f]{32}");
    assertThat(secret).startsWith("kss_test_").hasSizeGreaterThan(40);
    JsonNode client = created.json().path("client");
    assertThat(client.path("program_id").asString()).isEqualTo(admin.programId().toString());
    assertThat(client.path("created_by").asString()).isEqualTo(admin.clientId().toString());
    assertThat(strings(client.path("roles"))).containsExactly("issuer");
    assertThat(strings(client.path("scopes"))).contains(Scopes.CARDS_ISSUE, Scopes.AUDIT_READ).doesNotContain(Scopes.KEYS_WRITE);
    assertThat(strings(client.path("allowed_ips"))).containsExactly("127.0.0.1/32", "::1/128", "10.0.0.0/8");

    Http.Response read = http.get("/v1/api_clients/" + client.path("id").asString());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.raw().body()).doesNotContain(secret).contains(keyId);
    assertThat(jdbc.sql("select count(*) from iam.api_keys where encode(secret_ciphertext, 'escape') like ?")
        .param("%" + secret + "%").query(Long.class).single()).isZero();

    Http asNew = http.as(new ApiCredentials(keyId, secret));
    assertThat(asNew.post("/v1/cardholders", CARDHOLDER).status()).isEqualTo(201);
  }

  @Test
  void duringARotationBothKeysWorkAndAfterTheOverlapOnlyTheNewOne() {
    TestApiClients.Client issuer = issuerOf(admin.programId());

    Http.Response rotated = http.post("/v1/api_clients/" + issuer.clientId() + "/rotate", "{\"expire_previous_in_seconds\": 3}");

    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    ApiCredentials fresh = new ApiCredentials(rotated.text("key_id"), rotated.text("secret"));
    assertThat(http.as(issuer.credentials()).post("/v1/cardholders", CARDHOLDER).status()).isEqualTo(201);
    assertThat(http.as(fresh).post("/v1/cardholders", CARDHOLDER).status()).isEqualTo(201);
    JsonNode keys = rotated.json().path("client").path("keys");
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).path("expires_at").isNull()).isFalse();
    assertThat(keys.get(1).path("expires_at").isNull()).isTrue();

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Http.Response old = http.as(issuer.credentials()).post("/v1/cardholders", CARDHOLDER);
      assertThat(old.status()).isEqualTo(401);
      assertThat(old.text("code")).isEqualTo("key_expired");
    });
    assertThat(http.as(fresh).post("/v1/cardholders", CARDHOLDER).status()).isEqualTo(201);
  }

  @Test
  void aRotationLongerThanSevenDaysIsRefusedAndChangesNothing() {
    TestApiClients.Client issuer = issuerOf(admin.programId());

    Http.Response refused = http.post("/v1/api_clients/" + issuer.clientId() + "/rotate",
        "{\"expire_previous_in_seconds\": 604801}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("code")).isEqualTo("validation_failed");
    assertThat(keysOf(issuer.clientId())).isEqualTo(1);
  }

  @Test
  void aRevokedClientIsRefusedAtOnceWithAllItsKeys() {
    TestApiClients.Client issuer = issuerOf(admin.programId());
    ApiCredentials second = TestApiClients.addKey(issuer.clientId(), Mode.SANDBOX, null);
    assertThat(http.as(issuer.credentials()).post("/v1/cardholders", CARDHOLDER).status()).isEqualTo(201);

    Http.Response revoked = http.post("/v1/api_clients/" + issuer.clientId() + "/revoke", "");

    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    assertThat(revoked.text("revoked_at")).isNotNull();
    for (ApiCredentials key : List.of(issuer.credentials(), second)) {
      Http.Response refused = http.as(key).post("/v1/cardholders", CARDHOLDER);
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.text("code")).isEqualTo("key_revoked");
    }
    Http.Response again = http.post("/v1/api_clients/" + issuer.clientId() + "/rotate", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("code")).isEqualTo("api_client_revoked");
  }

  @Test
  void aClientGrantsOnlyScopesItHoldsInItsOwnModeAndProgram() {
    TestApiClients.Client secondAdmin = TestApiClients.create(admin.programId(), Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    steppedUp(secondAdmin);
    long before = clientCount();

    assertRefused(http.post("/v1/api_clients", "{\"name\": \"x\", \"mode\": \"sandbox\", \"roles\": [\"operator\"]}"),
        403, "scope_escalation");
    assertRefused(http.post("/v1/api_clients",
        "{\"name\": \"x\", \"mode\": \"live\", \"roles\": [\"issuer\"], \"allowed_ips\": [\"127.0.0.1\"]}"), 403, "mode_not_allowed");
    assertRefused(http.post("/v1/api_clients",
        "{\"name\": \"x\", \"mode\": \"sandbox\", \"roles\": [\"issuer\"], \"program_id\": \"" + TestApiClients.newProgram() + "\"}"),
        404, "program_not_found");
    http = http.as(secondAdmin.credentials()); // five sensitive operations a minute each
    assertRefused(http.post("/v1/api_clients", "{\"name\": \"x\", \"mode\": \"sandbox\", \"roles\": [\"root\"]}"),
        400, "validation_failed");
    assertRefused(http.post("/v1/api_clients",
        "{\"name\": \"x\", \"mode\": \"sandbox\", \"roles\": [\"issuer\"], \"allowed_ips\": [\"example.com\"]}"), 400, "validation_failed");
    assertRefused(http.post("/v1/api_clients", "{\"name\": \"x\", \"mode\": \"sandbox\"}"), 400, "validation_failed");
    TestApiClients.Client issuer = issuerOf(admin.programId());
    assertRefused(http.as(issuer.credentials()).post("/v1/api_clients",
        "{\"name\": \"x\", \"mode\": \"sandbox\", \"roles\": [\"issuer\"]}"), 403, "insufficient_scope");

    assertThat(clientCount()).isEqualTo(before + 1); // the issuer made directly, and nothing by the refused requests
  }

  @Test
  void aLiveClientNeedsAnAllowlist() {
    TestApiClients.Client liveAdmin = TestApiClients.create(admin.programId(), Mode.LIVE, Set.of(Role.ADMIN),
        List.of("127.0.0.1/32", "::1/128"));
    steppedUp(liveAdmin);
    Http live = http.as(liveAdmin.credentials());

    assertRefused(live.post("/v1/api_clients", "{\"name\": \"x\", \"mode\": \"live\", \"roles\": [\"processor\"]}"),
        400, "allowlist_required");
    Http.Response created = live.post("/v1/api_clients",
        "{\"name\": \"processor\", \"mode\": \"live\", \"roles\": [\"processor\"], \"allowed_ips\": [\"196.201.214.0/24\"]}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.text("key_id")).startsWith("ksk_live_");
  }

  @Test
  void aClientSeesOnlyItsOwnProgramsAndModesClients() {
    TestApiClients.Client other = TestApiClients.create(TestApiClients.newProgram(), Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    TestApiClients.Client live = TestApiClients.create(admin.programId(), Mode.LIVE, Set.of(Role.ADMIN), List.of());

    assertRefused(http.get("/v1/api_clients/" + other.clientId()), 404, "api_client_not_found");
    assertRefused(http.get("/v1/api_clients/" + live.clientId()), 404, "api_client_not_found");
    assertRefused(http.post("/v1/api_clients/" + other.clientId() + "/revoke", ""), 404, "api_client_not_found");
    assertThat(strings(http.get("/v1/api_clients").json().path("data"), "id"))
        .contains(admin.clientId().toString()).doesNotContain(other.clientId().toString(), live.clientId().toString());
    assertThat(TestApiClients.operator().programId()).isNotEqualTo(admin.programId());
    assertThat(new Http(port).get("/v1/api_clients/" + admin.clientId()).status()).isEqualTo(200); // the operator sees all
  }

  @Test
  void eachKeyRecordsWhenItWasLastUsed() {
    TestApiClients.Client issuer = issuerOf(admin.programId());
    assertThat(http.as(issuer.credentials()).post("/v1/cardholders", CARDHOLDER).status()).isEqualTo(201);

    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(http.get("/v1/api_clients/" + issuer.clientId()).json().path("keys").get(0).path("last_used_at").isNull())
            .isFalse());
  }

  @Test
  void keyManagementNeedsStepUpAndTheFirstTotpIsEnrolledWithTheKeyAlone() {
    TestApiClients.Client newcomer = TestApiClients.create(admin.programId(), Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    Http asNewcomer = http.as(newcomer.credentials());
    String create = "{\"name\": \"x\", \"mode\": \"sandbox\", \"roles\": [\"issuer\"]}";
    assertRefused(asNewcomer.post("/v1/api_clients", create), 403, "step_up_not_enrolled");

    Http.Response enrolled = asNewcomer.post("/v1/api_clients/" + newcomer.clientId() + "/totp", "");
    assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
    assertThat(enrolled.header("Cache-Control")).isEqualTo("no-store");
    String uri = enrolled.text("otpauth_uri");
    assertThat(uri).startsWith("otpauth://totp/Kadi:").contains("&issuer=Kadi&algorithm=SHA1&digits=6&period=30");
    TotpSecret seed = TotpSecret.fromBase32(uri.replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1"));
    assertThat(asNewcomer.get("/v1/api_clients/" + newcomer.clientId()).text("totp")).isEqualTo("pending");

    assertRefused(asNewcomer.post("/v1/api_clients/" + newcomer.clientId() + "/totp/confirm", "{\"code\": \"000000\"}"),
        400, "invalid_totp");
    Http.Response confirmed = asNewcomer.post("/v1/api_clients/" + newcomer.clientId() + "/totp/confirm",
        "{\"code\": \"" + TestApiClients.totpCode(seed) + "\"}");
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.text("totp")).isEqualTo("confirmed");
  }

  @Test
  void keyManagementNeedsTheCurrentTotpCode() {
    TestApiClients.Client enrolled = TestApiClients.create(admin.programId(), Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    TotpSecret seed = TestApiClients.enrolTotp(enrolled.clientId());
    Http asEnrolled = http.as(enrolled.credentials());
    String create = "{\"name\": \"x\", \"mode\": \"sandbox\", \"roles\": [\"issuer\"]}";
    long before = clientCount();

    assertRefused(asEnrolled.post("/v1/api_clients", create), 401, "step_up_required");
    assertThat(clientCount()).isEqualTo(before);
    Http.Response made = asEnrolled.send("POST", "/v1/api_clients", create,
        Map.of("Content-Type", "application/json", StepUps.HEADER, TestApiClients.totpCode(seed)));
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
  }

  @Test
  void aClientCannotTakeOverAClientWithScopesItLacks() {
    TestApiClients.Client keyManager = TestApiClients.create(admin.programId(), Mode.SANDBOX, List.of(),
        Set.of(Scopes.KEYS_READ, Scopes.KEYS_WRITE), List.of());
    steppedUp(keyManager);
    Http asKeyManager = http.as(keyManager.credentials());

    assertRefused(asKeyManager.post("/v1/api_clients/" + admin.clientId() + "/rotate", "{\"expire_previous_in_seconds\": 0}"),
        403, "scope_escalation");
    assertRefused(asKeyManager.post("/v1/api_clients/" + admin.clientId() + "/revoke", ""), 403, "scope_escalation");

    assertThat(keysOf(admin.clientId())).isEqualTo(1);
    assertThat(http.get("/v1/api_clients/" + admin.clientId()).text("revoked_at")).isNull();
  }

  @Test
  void aClientEnrolsOnlyItsOwnTotpAndItsSeedStaysInForceUntilANewOneIsConfirmed() {
    TotpSecret old = TestApiClients.enrolTotp(admin.clientId()); // a seed the admin's elevated key never used
    ApiCredentials otherKey = TestApiClients.addKey(admin.clientId(), Mode.SANDBOX, null);
    TestApiClients.Client other = issuerOf(admin.programId());
    assertRefused(http.post("/v1/api_clients/" + other.clientId() + "/totp", ""), 403, "totp_self_only");

    Http.Response enrolled = http.post("/v1/api_clients/" + admin.clientId() + "/totp", "");
    assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
    assertThat(http.get("/v1/api_clients/" + admin.clientId()).text("totp")).isEqualTo("confirmed");
    TotpSecret fresh = TotpSecret.fromBase32(enrolled.text("otpauth_uri").replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1"));
    Http.Response confirmed = http.post("/v1/api_clients/" + admin.clientId() + "/totp/confirm",
        "{\"code\": \"" + TestApiClients.totpCode(fresh) + "\"}");
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

    String reveal = "/v1/cards/" + UUID.randomUUID() + "/sensitive";
    assertRefused(http.as(otherKey).send("GET", reveal, null, Map.of(StepUps.HEADER, TestApiClients.totpCode(old))),
        401, "invalid_totp");
    assertRefused(http.as(otherKey).send("GET", reveal, null, Map.of(StepUps.HEADER, TestApiClients.totpCode(fresh))),
        404, "card_not_found");
  }

  @Test
  void anAnswerWithANewSecretIsNeverStoredForAnIdempotentReplay() {
    Map<String, String> headers = Map.of("Content-Type", "application/json", "Idempotency-Key", "new-client-" + UUID.randomUUID());
    String create = "{\"name\": \"payouts\", \"mode\": \"sandbox\", \"roles\": [\"issuer\"]}";

    Http.Response first = http.send("POST", "/v1/api_clients", create, headers);
    Http.Response retried = http.send("POST", "/v1/api_clients", create, headers);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.header("Idempotent-Replayed")).isNull();
    assertThat(retried.text("key_id")).isNotEqualTo(first.text("key_id"));
    assertThat(jdbc.sql("select count(*) from idempotency_keys where idempotency_key = ?").param(headers.get("Idempotency-Key"))
        .query(Long.class).single()).isZero();
  }

  private static final String CARDHOLDER = """
      {"name": "Wanjiru Kamau", "email": "wanjiru@example.com", "phone_number": "+254712345678", "country": "KE",
       "timezone": "Africa/Nairobi"}""";

  private static TestApiClients.Client issuerOf(UUID program) {
    return TestApiClients.create(program, Mode.SANDBOX, Set.of(Role.ISSUER), List.of());
  }

  private long clientCount() {
    return jdbc.sql("select count(*) from iam.api_clients").query(Long.class).single();
  }

  private long keysOf(UUID client) {
    return jdbc.sql("select count(*) from iam.api_keys where client_id = ?").param(client).query(Long.class).single();
  }

  private static void assertRefused(Http.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.text("code")).isEqualTo(code);
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  private static List<String> strings(JsonNode array, String field) {
    return array.valueStream().map(node -> node.path(field).asString()).toList();
  }
}
