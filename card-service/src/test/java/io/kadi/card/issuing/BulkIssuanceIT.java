package io.kadi.card.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.CardApi;
import io.kadi.card.CardServiceTest;
import io.kadi.card.Traces;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.Role;
import io.kadi.kit.security.StepUps;
import io.kadi.kit.security.totp.TotpSecret;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /v1/cards/bulk: up to 100 cards, all or none, for the issue scope with a step-up. */
@CardServiceTest
class BulkIssuanceIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TestApiClients.Client issuer;
  TotpSecret seed;
  CardApi api;

  @BeforeEach
  void setUp() {
    issuer = TestApiClients.create(TestApiClients.newProgram(), Mode.SANDBOX, Set.of(Role.ISSUER), List.of());
    seed = TestApiClients.enrolTotp(issuer.clientId());
    api = new CardApi(port).as(issuer);
  }

  @Test
  void everyCardAskedForIsIssuedWithTheCode() {
    List<UUID> holders = List.of(api.verifiedCardholder(), api.verifiedCardholder(), api.verifiedCardholder());

    Http.Response issued = bulk(holders, TestApiClients.totpCode(seed));

    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    assertThat(issued.json().path("data").valueStream().map(card -> card.path("cardholder_id").asString()).toList())
        .containsExactlyElementsOf(holders.stream().map(UUID::toString).toList());
    assertThat(issued.json().path("data").valueStream().map(card -> card.path("status").asString()).distinct().toList())
        .containsExactly("active");
  }

  @Test
  void oneRefusedCardIssuesNoneAndNamesItsPosition() {
    UUID pending = UUID.fromString(api.createCardholder("Kofi Mensah").text("id"));
    List<UUID> holders = List.of(api.verifiedCardholder(), pending, api.verifiedCardholder());
    String code = TestApiClients.totpCode(seed);

    Http.Response refused = new Traces(jdbc).assertRefusedWithoutTrace(() -> bulk(holders, code), 422, "kyc_not_verified");

    assertThat(refused.text("detail")).startsWith("cards[1]: ").endsWith("No card was issued.");
  }

  @Test
  void withoutTheCodeOrOverAHundredNothingIsIssued() {
    UUID holder = api.verifiedCardholder();
    Traces traces = new Traces(jdbc);

    traces.assertRefusedWithoutTrace(() -> bulk(List.of(holder), null), 401, "step_up_required");
    traces.assertRefusedWithoutTrace(() -> bulk(IntStream.range(0, 101).mapToObj(i -> holder).toList(),
        TestApiClients.totpCode(seed)), 400, "validation_failed");
  }

  private Http.Response bulk(List<UUID> holders, String code) {
    String body = holders.stream()
        .map(holder -> "{\"cardholder_id\": \"" + holder + "\", \"type\": \"virtual\", \"currency\": \"NGN\"}")
        .collect(Collectors.joining(", ", "{\"cards\": [", "]}"));
    Map<String, String> headers = code == null ? Map.of("Content-Type", "application/json")
        : Map.of("Content-Type", "application/json", StepUps.HEADER, code);
    return api.http().send("POST", "/v1/cards/bulk", body, headers);
  }
}
