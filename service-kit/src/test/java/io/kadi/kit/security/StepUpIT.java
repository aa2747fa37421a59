package io.kadi.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.context.Mode;
import io.kadi.kit.security.totp.TotpSecret;
import io.kadi.kit.security.totp.TotpVerifier;
import io.kadi.kit.testapp.KitIntegrationTest;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Privileged operations need the client's TOTP code, accepted once, which elevates its key for the window. */
@KitIntegrationTest
class StepUpIT {

  private static final String PRIVILEGED = "/test/privileged";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TestApiClients.Client admin;
  Http http;

  @BeforeEach
  void setUp() {
    admin = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    http = new Http(port, admin.credentials());
  }

  @Test
  void aClientWithoutTotpCannotDoPrivilegedOperations() {
    assertRefused(http.post(PRIVILEGED, "{}"), 403, "step_up_not_enrolled");
  }

  @Test
  void anEnrolledClientNeedsItsCurrentCodeOnceForTheWindow() {
    TotpSecret seed = TestApiClients.enrolTotp(admin.clientId());

    assertRefused(http.post(PRIVILEGED, "{}"), 401, "step_up_required");
    assertRefused(withCode(http, wrong(seed)), 401, "invalid_totp");
    assertThat(jdbc.sql("select count(*) from step_ups where key_id = ?").param(admin.keyId()).query(Long.class).single())
        .as("a refused code elevates nothing").isZero();

    String code = TestApiClients.totpCode(seed);
    assertThat(withCode(http, code).status()).isEqualTo(200);
    assertThat(http.post(PRIVILEGED, "{}").status()).as("elevated for the window").isEqualTo(200);
    assertRefused(withCode(http, code), 401, "totp_reused");
  }

  @Test
  void theElevationIsTheKeysNotTheClients() {
    TotpSecret seed = TestApiClients.enrolTotp(admin.clientId());
    ApiCredentials otherKey = TestApiClients.addKey(admin.clientId(), Mode.SANDBOX, null);
    assertThat(withCode(http, TestApiClients.totpCode(seed)).status()).isEqualTo(200);

    assertRefused(http.as(otherKey).post(PRIVILEGED, "{}"), 401, "step_up_required");
  }

  @Test
  void theElevationEndsWithItsWindow() {
    TotpSecret seed = TestApiClients.enrolTotp(admin.clientId());
    assertThat(withCode(http, TestApiClients.totpCode(seed)).status()).isEqualTo(200);
    jdbc.sql("update step_ups set elevated_until = now() - interval '1 second' where key_id = ?").param(admin.keyId()).update();

    assertRefused(http.post(PRIVILEGED, "{}"), 401, "step_up_required");
  }

  @Test
  void anUnconfirmedSeedIsNoSeed() {
    TestApiClients.enrolTotp(admin.clientId());
    jdbc.sql("update iam.api_clients set totp_confirmed_at = null where id = ?").param(admin.clientId()).update();

    assertRefused(http.post(PRIVILEGED, "{}"), 403, "step_up_not_enrolled");
  }

  private static Http.Response withCode(Http http, String code) {
    return http.send("POST", PRIVILEGED, "{}", Map.of("Content-Type", "application/json", StepUps.HEADER, code));
  }

  /** A code of this seed, but from ten minutes ago: well formed, and wrong now. */
  private static String wrong(TotpSecret seed) {
    return new TotpVerifier().codeAt(seed, Instant.now().minusSeconds(600));
  }

  private static void assertRefused(Http.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.text("code")).isEqualTo(code);
  }
}
