package io.kadi.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.events.card.v1.CardFrozen;
import io.kadi.events.card.v1.CardIssued;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-memory registry served over HTTP answers the REST client, and other tools, as Confluent's would. */
class SchemaRegistryHttpServerTest {

  private static final String SUBJECT = "kadi.card-events.v1-io.kadi.events.card.v1.CardIssued";

  private final String scope = "http-" + UUID.randomUUID();
  private SchemaRegistryHttpServer server;
  private RestSchemaRegistryClient client;

  @BeforeEach
  void start() {
    server = SchemaRegistryHttpServer.start(InMemorySchemaRegistry.scope(scope), 0);
    client = new RestSchemaRegistryClient(List.of(server.url()), null);
  }

  @AfterEach
  void stop() {
    server.close();
    InMemorySchemaRegistry.dropScope(scope);
  }

  @Test
  void sharesIdsWithTheInMemoryRegistryItServes() {
    int id = client.register(SUBJECT, CardIssued.getClassSchema());

    assertThat(InMemorySchemaRegistry.scope(scope).idOf(SUBJECT, CardIssued.getClassSchema())).isEqualTo(id);
    assertThat(new RestSchemaRegistryClient(List.of(server.url()), null).schemaById(id)).isEqualTo(CardIssued.getClassSchema());
    assertThat(new RestSchemaRegistryClient(List.of(server.url()), null).idOf(SUBJECT, CardIssued.getClassSchema())).isEqualTo(id);
  }

  @Test
  void oneSchemaHasOneIdAcrossSubjectsAndVersionsCountPerSubject() throws Exception {
    int issued = client.register(SUBJECT, CardIssued.getClassSchema());
    int frozen = client.register("kadi.card-events.v1-io.kadi.events.card.v1.CardFrozen", CardFrozen.getClassSchema());
    int again = client.register("other-topic-io.kadi.events.card.v1.CardIssued", CardIssued.getClassSchema());

    assertThat(frozen).isNotEqualTo(issued);
    assertThat(again).isEqualTo(issued);
    assertThat(get("/subjects")).contains(SUBJECT, "other-topic-io.kadi.events.card.v1.CardIssued");
    assertThat(get("/subjects/" + SUBJECT + "/versions")).isEqualTo("[1]");
    assertThat(get("/subjects/" + SUBJECT + "/versions/latest"))
        .contains("\"subject\":\"" + SUBJECT + "\"", "\"version\":1", "\"id\":" + issued);
  }

  @Test
  void answersUnknownIdsAndSubjectsWithTheRegistrysErrorCodes() throws Exception {
    assertThatThrownBy(() -> client.schemaById(12345))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> client.idOf("nobody", CardIssued.getClassSchema()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    assertThat(get("/subjects/nobody/versions/1")).contains("40401");
  }

  @Test
  void refusesInvalidSchemas() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.url() + "/subjects/x/versions"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"{\\\"type\\\":\\\"nonsense\\\"}\"}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("42201");
  }

  private String get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
