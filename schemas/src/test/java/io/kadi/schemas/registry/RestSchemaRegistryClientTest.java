package io.kadi.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kadi.events.card.v1.CardIssued;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client speaks the Confluent Schema Registry REST API: checked against a stub that records what it is sent and
 * answers as Confluent's registry documents it.
 */
class RestSchemaRegistryClientTest {

  private static final String SUBJECT = "kadi.card-events.v1-io.kadi.events.card.v1.CardIssued";

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer stub;
  private volatile int status = 200;
  private volatile String answer = "{}";

  @BeforeEach
  void startStub() throws IOException {
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
          + " | " + exchange.getRequestHeaders().getFirst("Content-Type")
          + " | " + exchange.getRequestHeaders().getFirst("Authorization")
          + " | " + body);
      byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
      exchange.sendResponseHeaders(status, reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    stub.start();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
  }

  @Test
  void registersUnderTheSubjectAndCachesTheId() {
    answer = "{\"id\":42}";
    var client = new RestSchemaRegistryClient(List.of(url()), "kadi:s3cret");

    assertThat(client.register(SUBJECT, CardIssued.getClassSchema())).isEqualTo(42);
    assertThat(client.register(SUBJECT, CardIssued.getClassSchema())).isEqualTo(42);
    assertThat(client.schemaById(42)).isEqualTo(CardIssued.getClassSchema());

    assertThat(requests).singleElement().asString()
        .startsWith("POST /subjects/" + SUBJECT + "/versions | application/vnd.schemaregistry.v1+json | Basic a2FkaTpzM2NyZXQ= | {\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"CardIssued\\\"");
  }

  @Test
  void looksUpAnExistingSchemaWithoutRegisteringIt() {
    answer = "{\"subject\":\"" + SUBJECT + "\",\"id\":7,\"version\":3,\"schema\":\"...\"}";
    var client = new RestSchemaRegistryClient(List.of(url()), null);

    assertThat(client.idOf(SUBJECT, CardIssued.getClassSchema())).isEqualTo(7);

    assertThat(requests).singleElement().asString().startsWith("POST /subjects/" + SUBJECT + " | application/vnd.schemaregistry.v1+json | null | ");
  }

  @Test
  void fetchesSchemasByIdOnce() {
    answer = "{\"schema\":" + quote(CardIssued.getClassSchema().toString()) + "}";
    var client = new RestSchemaRegistryClient(List.of(url()), null);

    assertThat(client.schemaById(5)).isEqualTo(CardIssued.getClassSchema());
    assertThat(client.schemaById(5)).isEqualTo(CardIssued.getClassSchema());

    assertThat(requests).containsExactly("GET /schemas/ids/5 | null | null | ");
  }

  @Test
  void reportsTheRegistrysErrorCodeAndMessage() {
    status = 404;
    answer = "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}";
    var client = new RestSchemaRegistryClient(List.of(url()), null);

    assertThatThrownBy(() -> client.schemaById(99))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403))
        .hasMessageContaining("Schema 99 not found");
  }

  @Test
  void refusesSchemasThatAreNotAvro() {
    answer = "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}";
    var client = new RestSchemaRegistryClient(List.of(url()), null);

    assertThatThrownBy(() -> client.schemaById(3)).isInstanceOf(SchemaRegistryException.class).hasMessageContaining("PROTOBUF");
  }

  @Test
  void failsOverToTheNextUrlWhenARegistryIsUnreachable() {
    answer = "{\"id\":9}";
    var client = new RestSchemaRegistryClient(List.of("http://127.0.0.1:1", url()), null);

    assertThat(client.register(SUBJECT, CardIssued.getClassSchema())).isEqualTo(9);
  }

  @Test
  void failsOverToTheNextUrlWhenARegistryFailsOnItsSide() throws IOException {
    HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    failing.createContext("/", exchange -> {
      byte[] reply = "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(500, reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    failing.start();
    try {
      answer = "{\"id\":11}";
      var client = new RestSchemaRegistryClient(List.of("http://127.0.0.1:" + failing.getAddress().getPort(), url()), null);

      assertThat(client.register(SUBJECT, CardIssued.getClassSchema())).isEqualTo(11);
    } finally {
      failing.stop(0);
    }
  }

  @Test
  void aRefusalIsFinalAndNotPassedToTheNextUrl() {
    status = 422;
    answer = "{\"error_code\":42201,\"message\":\"Invalid schema\"}";
    var client = new RestSchemaRegistryClient(List.of(url(), url()), null);

    assertThatThrownBy(() -> client.register(SUBJECT, CardIssued.getClassSchema()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    assertThat(requests).hasSize(1);
  }

  @Test
  void unreachableFailingOrRefusingCredentialsIsUnavailabilityButARefusedSchemaIsNot() {
    for (int code : new int[] {SchemaRegistryException.UNREACHABLE, 500, 503, 50001, 50002, 401, 403, 40101}) {
      assertThat(new SchemaRegistryException(code, "x").registryUnavailable()).as("error %d", code).isTrue();
    }
    for (int code : new int[] {404, 40401, 40403, 409, 42201, 422}) {
      assertThat(new SchemaRegistryException(code, "x").registryUnavailable()).as("error %d", code).isFalse();
    }
  }

  @Test
  void saysSoWhenNoRegistryIsReachable() {
    var client = new RestSchemaRegistryClient(List.of("http://127.0.0.1:1"), null);

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.UNREACHABLE))
        .hasMessageContaining("unreachable");
  }

  private String url() {
    return "http://127.0.0.1:" + stub.getAddress().getPort();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
