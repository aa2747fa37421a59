package io.kadi.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.kit.context.Mode;
import io.kadi.kit.security.Role;
import io.kadi.kit.security.StepUps;
import io.kadi.kit.security.totp.TotpSecret;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TestDatabase;
import io.kadi.localstack.Services;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A PAN reveal, through all four services: refused without step-up, answered with it, and in the audit log. */
class RevealIsAuditedIT {

  static final JdbcClient database = JdbcClient.create(TestDatabase.get().dataSource());
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
  void aRevealIsAnsweredOnlyWithStepUpAndBothAttemptsAreInTheAuditLogWithoutTheNumber() {
    TestApiClients.Client admin = TestApiClients.create(TestApiClients.newProgram(), Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    TotpSecret seed = TestApiClients.enrolTotp(admin.clientId());
    Http http = new Http(services.cardPort(), admin.credentials());
    String card = issuedCard(http);
    String path = "/v1/cards/" + card + "/sensitive";

    Http.Response refused = http.send("GET", path, null, Map.of("X-Request-Id", "reveal-without-code"));
    Http.Response shown = http.send("GET", path, null, Map.of("X-Request-Id", "reveal-with-code", StepUps.HEADER,
        TestApiClients.totpCode(seed)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.text("code")).isEqualTo("step_up_required");
    assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
    String pan = shown.text("pan");
    List<String> audited = await().atMost(Duration.ofSeconds(30)).until(() -> database.sql("""
            select payload from audit.audit_log
             where event_type = 'io.kadi.events.api.v1.ApiRequestLogged' and request_id in ('reveal-without-code', 'reveal-with-code')
             order by sequence""").query(String.class).list(), rows -> rows.size() == 2);
    assertThat(audited).allSatisfy(payload -> assertThat(payload)
        .contains("/v1/cards/{cardId}/sensitive", card, admin.clientId().toString()));
    assertThat(audited.get(0)).contains("step_up_required");
    assertThat(audited.get(1)).contains("\"status\":200");
    assertThat(database.sql("select count(*) from audit.audit_log where payload like ?").param("%" + pan + "%")
        .query(Long.class).single()).as("the number is in no audit record").isZero();
  }

  private static String issuedCard(Http http) {
    Http.Response cardholder = http.post("/v1/cardholders", """
        {"name": "Amina Yusuf", "email": "amina@example.com", "phone_number": "+2348031234567", "country": "NG",
         "timezone": "Africa/Lagos"}""");
    String id = cardholder.text("id");
    assertThat(http.post("/v1/cardholders/" + id + "/kyc", "{\"status\": \"verified\", \"tier\": 2, \"reference\": \"k-" + id + "\"}")
        .status()).isEqualTo(200);
    Http.Response card = http.post("/v1/cards", "{\"cardholder_id\": \"" + id + "\", \"type\": \"virtual\", \"currency\": \"NGN\"}");
    assertThat(card.status()).as(card.toString()).isEqualTo(201);
    return card.text("id");
  }
}
