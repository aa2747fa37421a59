package io.kadi.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.kit.context.Mode;
import io.kadi.kit.testapp.KitIntegrationTest;
import io.kadi.kit.testapp.KitTestApplication;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances of a service, two application contexts on one database: one rate limit, one nonce store. */
@KitIntegrationTest
class TwoInstancesIT {

  static ConfigurableApplicationContext second;

  @LocalServerPort int port;

  @BeforeAll
  static void startASecondInstance() {
    second = new SpringApplicationBuilder(KitTestApplication.class)
        .initializers(new KadiTestInfrastructure())
        .run("--server.port=0", "--spring.config.name=kit-test");
  }

  @AfterAll
  static void stopIt() {
    second.close();
  }

  @Test
  void aClientsSensitiveLimitIsOneAcrossInstances() {
    TestApiClients.Client admin = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    Http first = new Http(port, admin.credentials());
    Http other = new Http(secondPort(), admin.credentials());

    List<Http.Response> allowed = Stream.of(first, other, first, other, first)
        .map(instance -> instance.post("/test/sensitive", "{}")).toList();

    assertThat(allowed).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(200));
    assertThat(allowed).extracting(response -> response.header("RateLimit-Remaining")).containsExactly("4", "3", "2", "1", "0");
    try (TopicProbe accessLog = TopicProbe.fromEnd(Topics.API_ACCESS.name())) {
      for (Http instance : List.of(other, first)) {
        Http.Response refused = instance.send("POST", "/test/sensitive", "{}",
            Map.of("Content-Type", "application/json", "X-Request-Id", "limited-" + instance.baseUrl().hashCode()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.text("code")).isEqualTo("rate_limited");
        assertThat(refused.text("rate_class")).isEqualTo("sensitive");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("5;w=60");
        assertThat(accessLog.await(ApiRequestLogged.class, logged -> logged.getMetadata().getRequestId()
            .equals("limited-" + instance.baseUrl().hashCode())).getRefusal()).isEqualTo("rate_limited");
      }
    }
    TestApiClients.Client another = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.ADMIN), List.of());
    assertThat(other.as(another).post("/test/sensitive", "{}").status()).isEqualTo(200);
    assertThat(other.post("/test/things", "{\"display_name\":\"a\",\"amount\":1}").status()).isEqualTo(200);
  }

  @Test
  void aRequestAcceptedByOneInstanceIsAReplayOnTheOther() {
    TestApiClients.Client issuer = TestApiClients.create(TestApiClients.TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.ISSUER), List.of());
    Http first = new Http(port, issuer.credentials());
    String body = "{\"display_name\":\"a\",\"amount\":1}";
    Map<String, String> headers = new LinkedHashMap<>(issuer.credentials().sign("POST",
        URI.create(first.baseUrl() + "/test/things"), body.getBytes(StandardCharsets.UTF_8)));
    headers.put("Content-Type", "application/json");

    Http.Response accepted = first.sendUnsigned("POST", "/test/things", body, headers);
    Http.Response replayed = new Http(secondPort(), issuer.credentials()).sendUnsigned("POST", "/test/things", body, headers);

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.text("code")).isEqualTo("request_replayed");
  }

  private static int secondPort() {
    return ((WebServerApplicationContext) second).getWebServer().getPort();
  }
}
