package io.kadi.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.testapp.KitIntegrationTest;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TestApiClients;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@KitIntegrationTest
class ProblemDetailsIT {

  private static final String JSON = "application/json";

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void echoesAPlausibleRequestIdAndPassesItAndTheAuthenticatedClientToTheHandler() {
    Http.Response response = http.send("POST", "/test/things", "{\"display_name\":\"a\",\"amount\":1}",
        Map.of("Content-Type", JSON, "X-Request-Id", "platform-req.42"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("X-Request-Id")).isEqualTo("platform-req.42");
    assertThat(response.json().path("request_id").asString()).isEqualTo("platform-req.42");
    assertThat(response.json().path("actor").asString()).isEqualTo(TestApiClients.operator().clientId().toString());
    assertThat(response.json().path("mode").asString()).isEqualTo("sandbox");
  }

  @Test
  void replacesAMissingOrImplausibleRequestIdWithANewOne() {
    Http.Response missing = http.post("/test/things", "{\"display_name\":\"a\",\"amount\":1}");
    Http.Response forged = http.send("POST", "/test/things", "{\"display_name\":\"a\",\"amount\":1}",
        Map.of("Content-Type", JSON, "X-Request-Id", "x\" injected=\"" + "y".repeat(200)));

    assertThat(missing.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    assertThat(forged.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    assertThat(forged.json().path("request_id").asString()).isEqualTo(forged.header("X-Request-Id"));
  }

  @Test
  void malformedJsonIsAProblemWithItsCodeAndRequestId() {
    Http.Response response = http.post("/test/things", "{\"display_name\": ");

    assertProblem(response, 400, "malformed_json");
  }

  @Test
  void aMissingBodyIsMalformed() {
    assertProblem(http.post("/test/things", ""), 400, "malformed_json");
  }

  @Test
  void anUnknownFieldIsRefusedByName() {
    Http.Response response = http.post("/test/things", "{\"display_name\":\"a\",\"amount\":1,\"amuont\":2}");

    assertProblem(response, 400, "unknown_field");
    assertThat(response.text("detail")).contains("amuont");
  }

  @Test
  void aValueOfTheWrongTypeNamesItsField() {
    Http.Response response = http.post("/test/things", "{\"display_name\":\"a\",\"amount\":\"lots\"}");

    assertProblem(response, 400, "validation_failed");
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("amount");
  }

  @Test
  void constraintViolationsNameEveryFieldInSnakeCase() {
    Http.Response response = http.post("/test/things", "{\"display_name\":\" \",\"amount\":-1}");

    assertProblem(response, 400, "validation_failed");
    assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactly("amount", "display_name");
  }

  @Test
  void anApiExceptionKeepsItsStatusCodeAndProperties() {
    Http.Response response = http.get("/test/things/0191e7a4-0000-7000-8000-000000000001");

    assertProblem(response, 404, "thing_not_found");
    assertThat(response.text("type")).isEqualTo("urn:kadi:problem:thing_not_found");
    assertThat(response.text("thing_id")).isEqualTo("0191e7a4-0000-7000-8000-000000000001");
  }

  @Test
  void aPathIdOfTheWrongShapeIsNotFoundUnderTheResourcesOwnCode() {
    Http.Response response = http.get("/test/things/not-a-uuid");

    assertProblem(response, 404, "thing_not_found");
    assertThat(response.text("detail")).isEqualTo("No thing not-a-uuid.");
  }

  @Test
  void textIsAJsonStringWithoutNul() {
    for (String value : new String[] {"123", "1.5", "true", "\"Ada\\u0000Obi\""}) {
      Http.Response response = http.post("/test/things", "{\"display_name\":" + value + ",\"amount\":1}");

      assertProblem(response, 400, "validation_failed");
      assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("display_name");
    }
  }

  @Test
  void aNumberSentAsAStringIsRefused() {
    Http.Response response = http.post("/test/things", "{\"display_name\":\"a\",\"amount\":\"100\"}");

    assertProblem(response, 400, "validation_failed");
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("amount");
  }

  @Test
  void anUnavailableDatabaseIsA503WithRetryAfterNotA500() {
    Http.Response response = http.post("/test/database-down", "{}");

    assertProblem(response, 503, "unavailable");
    assertThat(response.header("Retry-After")).isEqualTo("2");
    assertThat(response.raw().body()).doesNotContain("HikariPool");
  }

  @Test
  void unknownRoutesWrongMethodsAndMediaTypesAreProblemsToo() {
    assertProblem(http.get("/nowhere"), 404, "not_found");
    assertProblem(http.get("/test/things"), 405, "method_not_allowed");
    assertProblem(http.send("POST", "/test/things", "display_name=a", Map.of("Content-Type", "text/plain")), 415,
        "unsupported_media_type");
  }

  @Test
  void anUnexpectedFailureRevealsNothingOfItself() {
    Http.Response response = http.post("/test/explode", "{}");

    assertProblem(response, 500, "internal_error");
    assertThat(response.raw().body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
  }

  private static void assertProblem(Http.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
    assertThat(response.text("request_id")).isNotBlank().isEqualTo(response.header("X-Request-Id"));
  }
}
