package io.kadi.risk.security.kafka;

import static io.kadi.risk.testing.RiskOutputs.alert;
import static io.kadi.risk.testing.RiskOutputs.alertsWithoutIds;
import static io.kadi.risk.testing.RiskOutputs.assertCausedBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.alert.v1.Alert;
import io.kadi.events.alert.v1.AlertSeverity;
import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.kit.kafka.KadiKafkaAutoConfiguration;
import io.kadi.kit.kafka.UnprocessableRecordException;
import io.kadi.kit.testing.TestProducer;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.risk.testing.RiskOutputs;
import io.kadi.risk.testing.RiskServiceTest;
import io.kadi.risk.testing.TestApiClient;
import io.kadi.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Access-log records in, whole alerts out, through the real broker and database. Each test uses fresh clients, and
 * ends a client's records with one that alerts at once (a request from outside its allowlist): a client's records
 * are processed in order, and its alerts share a partition, so when that last alert is in, every alert the records
 * before it raised is in too, and "exactly these" means exactly.
 *
 * <p>Times are within the current hour, whose start is the start of every window here (windows tile time from the Unix
 * epoch, so 1- and 5-minute windows start on the hour).
 */
@RiskServiceTest
class SecurityAlertsIT {

  private static final String API_ACCESS = Topics.API_ACCESS.name();
  private static final String DEAD_LETTERS = "kadi.api-access.v1.risk-service.dlt";
  private static final String ELSEWHERE = "203.0.113.66";

  @Autowired Clock clock;

  private Instant hour;

  @BeforeEach
  void startOfTheHour() {
    hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
  }

  @Test
  void fourBadSignaturesInAWindowAreBelowTheThresholdAndAlertNothing() {
    TestApiClient client = TestApiClient.fresh();
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      for (int i = 0; i < 4; i++) {
        producer.publish(API_ACCESS, client.key(), client.badSignature(at(1, i * 30), TestApiClient.OFFICE));
      }
      producer.publish(API_ACCESS, client.key(), client.outsideAllowlist(at(4, 0), ELSEWHERE));

      assertThat(alertsWithoutIds(outputs.alertsAbout(client.clientId(), 1)))
          .containsExactly(outsideAllowlist(client, hour, ELSEWHERE, "/v1/cards/{cardId}"));
    }
  }

  @Test
  void theFifthBadSignatureInAWindowAlertsOnceAndTheRestOfTheWindowNoMore() {
    TestApiClient client = TestApiClient.fresh();
    List<ApiRequestLogged> badSignatures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      badSignatures.add(client.badSignature(at(0, 10 + i * 30), "198.51.100." + (20 + i)));
    }
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      badSignatures.forEach(record -> producer.publish(API_ACCESS, client.key(), record));
      producer.publish(API_ACCESS, client.key(), client.outsideAllowlist(at(4, 59), ELSEWHERE));

      List<Alert> alerts = outputs.alertsAbout(client.clientId(), 2);

      assertThat(alertsWithoutIds(alerts)).containsExactly(
          badSignatures(client, hour, 5, "198.51.100.24"),
          outsideAllowlist(client, hour, ELSEWHERE, "/v1/cards/{cardId}"));
      assertCausedBy(alerts.getFirst().getMetadata(), badSignatures.get(4).getMetadata());
    }
  }

  @Test
  void windowsAreFixedSoTheNextWindowCountsAfresh() {
    TestApiClient client = TestApiClient.fresh();
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      // Four at the end of one window, then five in the next: nine in five minutes, one alert, for the second window.
      for (int i = 0; i < 4; i++) {
        producer.publish(API_ACCESS, client.key(), client.badSignature(at(4, 10 + i * 10), TestApiClient.OFFICE));
      }
      for (int i = 0; i < 5; i++) {
        producer.publish(API_ACCESS, client.key(), client.badSignature(at(5, i * 10), TestApiClient.OFFICE));
      }
      producer.publish(API_ACCESS, client.key(), client.outsideAllowlist(at(6, 0), ELSEWHERE));

      assertThat(alertsWithoutIds(outputs.alertsAbout(client.clientId(), 2))).containsExactly(
          badSignatures(client, hour.plus(Duration.ofMinutes(5)), 5, TestApiClient.OFFICE),
          outsideAllowlist(client, hour.plus(Duration.ofMinutes(5)), ELSEWHERE, "/v1/cards/{cardId}"));
    }
  }

  @Test
  void aRedeliveredRecordCountsOnce() {
    TestApiClient client = TestApiClient.fresh();
    List<ApiRequestLogged> badSignatures = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      badSignatures.add(client.badSignature(at(1, i * 10), TestApiClient.OFFICE));
    }
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      badSignatures.subList(0, 4).forEach(record -> producer.publish(API_ACCESS, client.key(), record));
      // The fourth again, twice, as Kafka redelivers after a rebalance: same event id, so it counts once.
      producer.publish(API_ACCESS, client.key(), badSignatures.get(3));
      producer.publish(API_ACCESS, client.key(), badSignatures.get(3));
      producer.publish(API_ACCESS, client.key(), client.outsideAllowlist(at(2, 0), ELSEWHERE));
      producer.publish(API_ACCESS, client.key(), badSignatures.get(4));

      assertThat(alertsWithoutIds(outputs.alertsAbout(client.clientId(), 2))).containsExactly(
          outsideAllowlist(client, hour, ELSEWHERE, "/v1/cards/{cardId}"),
          badSignatures(client, hour, 5, TestApiClient.OFFICE));
    }
  }

  @Test
  void twoClientsAreCountedApart() {
    TestApiClient first = TestApiClient.fresh();
    TestApiClient second = TestApiClient.fresh();
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      for (int i = 0; i < 3; i++) {
        producer.publish(API_ACCESS, first.key(), first.badSignature(at(2, i * 10), TestApiClient.OFFICE));
        producer.publish(API_ACCESS, second.key(), second.badSignature(at(2, i * 10 + 5), TestApiClient.OFFICE));
      }
      producer.publish(API_ACCESS, first.key(), first.badSignature(at(3, 0), TestApiClient.OFFICE));
      producer.publish(API_ACCESS, first.key(), first.badSignature(at(3, 10), TestApiClient.OFFICE));
      producer.publish(API_ACCESS, first.key(), first.outsideAllowlist(at(3, 20), ELSEWHERE));
      producer.publish(API_ACCESS, second.key(), second.outsideAllowlist(at(3, 20), ELSEWHERE));

      assertThat(alertsWithoutIds(outputs.alertsAbout(first.clientId(), 2))).containsExactly(
          badSignatures(first, hour, 5, TestApiClient.OFFICE),
          outsideAllowlist(first, hour, ELSEWHERE, "/v1/cards/{cardId}"));
      assertThat(alertsWithoutIds(outputs.alertsAbout(second.clientId(), 1))).containsExactly(
          outsideAllowlist(second, hour, ELSEWHERE, "/v1/cards/{cardId}"));
    }
  }

  @Test
  void theFirstRequestFromOutsideTheAllowlistAlertsAndTheNextInItsWindowDoesNot() {
    TestApiClient client = TestApiClient.fresh();
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      producer.publish(API_ACCESS, client.key(), client.outsideAllowlist(at(10, 0), ELSEWHERE));
      producer.publish(API_ACCESS, client.key(), client.outsideAllowlist(at(12, 0), "203.0.113.67"));
      producer.publish(API_ACCESS, client.key(), client.outsideAllowlist(at(15, 0), "203.0.113.68"));

      assertThat(alertsWithoutIds(outputs.alertsAbout(client.clientId(), 2))).containsExactly(
          outsideAllowlist(client, hour.plus(Duration.ofMinutes(10)), ELSEWHERE, "/v1/cards/{cardId}"),
          outsideAllowlist(client, hour.plus(Duration.ofMinutes(15)), "203.0.113.68", "/v1/cards/{cardId}"));
    }
  }

  @Test
  void theTwentiethRateLimitedRequestInAMinuteAlertsOnce() {
    TestApiClient client = TestApiClient.fresh();
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      for (int i = 0; i < 25; i++) {
        producer.publish(API_ACCESS, client.key(), client.rateLimited(at(20, i * 2)));
      }
      producer.publish(API_ACCESS, client.key(), client.outsideAllowlist(at(20, 59), ELSEWHERE));

      Instant minute = hour.plus(Duration.ofMinutes(20));
      assertThat(alertsWithoutIds(outputs.alertsAbout(client.clientId(), 2))).containsExactly(
          alert("rate_limit_storm", AlertSeverity.warning, "api_client", client.clientId(),
              "API client %s had 20 requests refused for its rate limit in the 1-minute window from %s."
                  .formatted(client.clientId(), minute),
              Map.of("count", "20", "window", interval(minute, 1), "keyId", client.keyId(),
                  "lastSourceIp", TestApiClient.OFFICE)),
          outsideAllowlist(client, hour.plus(Duration.ofMinutes(20)), ELSEWHERE, "/v1/cards/{cardId}"));
    }
  }

  @Test
  void theFiftiethCardIssuedInAMinuteAlertsOnce() {
    TestApiClient client = TestApiClient.fresh();
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      for (int i = 0; i < 55; i++) {
        producer.publish(API_ACCESS, client.key(), client.cardIssued(at(30, 0).plusMillis(i * 1_000L)));
      }
      producer.publish(API_ACCESS, client.key(), client.outsideAllowlist(at(30, 59), ELSEWHERE));

      Instant minute = hour.plus(Duration.ofMinutes(30));
      assertThat(alertsWithoutIds(outputs.alertsAbout(client.clientId(), 2))).containsExactly(
          alert("mass_issuance", AlertSeverity.warning, "api_client", client.clientId(),
              "API client %s issued 50 cards in the 1-minute window from %s.".formatted(client.clientId(), minute),
              Map.of("count", "50", "window", interval(minute, 1), "keyId", client.keyId(),
                  "lastSourceIp", TestApiClient.OFFICE)),
          outsideAllowlist(client, hour.plus(Duration.ofMinutes(30)), ELSEWHERE, "/v1/cards/{cardId}"));
    }
  }

  @Test
  void everyKeyRotationAndRevocationAlertsAboutTheClientChanged() {
    TestApiClient admin = TestApiClient.fresh();
    TestApiClient target = TestApiClient.fresh();
    ApiRequestLogged revoked = admin.revoked(target, at(41, 0));
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      producer.publish(API_ACCESS, admin.key(), admin.rotateRefused(target, at(40, 0)));
      producer.publish(API_ACCESS, admin.key(), admin.rotated(target, at(40, 10)));
      producer.publish(API_ACCESS, admin.key(), admin.rotated(target, at(40, 20)));
      producer.publish(API_ACCESS, admin.key(), revoked);

      List<Alert> alerts = outputs.alertsAbout(target.clientId(), 3);

      Map<String, String> details = Map.of("actingClientId", admin.clientId(), "actingKeyId", admin.keyId(),
          "service", "card-service", "sourceIp", TestApiClient.OFFICE);
      Alert rotation = alert("api_key_rotated", AlertSeverity.info, "api_client", target.clientId(),
          "The key of API client %s was rotated by API client %s.".formatted(target.clientId(), admin.clientId()), details);
      assertThat(alertsWithoutIds(alerts)).containsExactly(rotation, rotation,
          alert("api_client_revoked", AlertSeverity.warning, "api_client", target.clientId(),
              "API client %s was revoked by API client %s.".formatted(target.clientId(), admin.clientId()), details));
      assertCausedBy(alerts.get(2).getMetadata(), revoked.getMetadata());
    }
  }

  @Test
  void requestsNamingKeysThatDoNotExistAlertAboutTheirSourceAddressOncePerWindow() {
    String address = "10.%d.%d.%d".formatted(random(), random(), random());
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      for (int i = 0; i < 12; i++) {
        producer.publish(API_ACCESS, TestApiClient.ANONYMOUS, TestApiClient.unknownKey("ksk_live_guess" + i, at(45, i * 5), address));
      }
      for (int i = 0; i < 10; i++) {
        producer.publish(API_ACCESS, TestApiClient.ANONYMOUS, TestApiClient.unknownKey("ksk_live_again" + i, at(50, i * 5), address));
      }

      assertThat(alertsWithoutIds(outputs.alertsAbout(address, 2))).containsExactly(
          unknownKeys(address, hour.plus(Duration.ofMinutes(45)), "ksk_live_guess9"),
          unknownKeys(address, hour.plus(Duration.ofMinutes(50)), "ksk_live_again9"));
    }
  }

  @Test
  void aRecordOfAnotherTypeIsDeadLetteredAndTheClientsNextRecordCounts() {
    TestApiClient client = TestApiClient.fresh();
    Alert misplaced = Alert.newBuilder(alert("misplaced", AlertSeverity.info, "api_client", client.clientId(),
            "Not an access log record.", Map.of()))
        .setMetadata(client.badSignature(at(55, 0), TestApiClient.OFFICE).getMetadata())
        .setAlertId(UUID.randomUUID())
        .build();
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); RiskOutputs outputs = new RiskOutputs();
        TestProducer producer = new TestProducer()) {
      producer.publish(API_ACCESS, client.key(), misplaced);
      producer.publish(API_ACCESS, client.key(), client.outsideAllowlist(at(55, 10), ELSEWHERE));

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> client.key().equals(r.raw().key()));

      assertThat(dead.value()).isEqualTo(misplaced);
      assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(UnprocessableRecordException.class.getName());
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER))
          .isEqualTo("io.kadi.events.alert.v1.Alert is not an access log record: kadi.api-access.v1 carries ApiRequestLogged");
      assertThat(alertsWithoutIds(outputs.alertsAbout(client.clientId(), 1)))
          .containsExactly(outsideAllowlist(client, hour.plus(Duration.ofMinutes(55)), ELSEWHERE, "/v1/cards/{cardId}"));
    }
  }

  @Test
  void aKeyRotationThatDoesNotNameTheClientRotatedIsDeadLettered() {
    TestApiClient admin = TestApiClient.fresh();
    // As the access log wrote it before it recorded the path's ids.
    ApiRequestLogged rotated = ApiRequestLogged.newBuilder(admin.rotated(TestApiClient.fresh(), at(56, 0))).setPathIds(Map.of()).build();
    try (TopicProbe deadLetters = TopicProbe.fromEnd(DEAD_LETTERS); TestProducer producer = new TestProducer()) {
      producer.publish(API_ACCESS, admin.key(), rotated);

      TopicProbe.Received dead = deadLetters.awaitRecord(r -> admin.key().equals(r.raw().key()));

      assertThat(dead.value()).isEqualTo(rotated);
      assertThat(header(dead, KadiKafkaAutoConfiguration.REASON_HEADER)).isEqualTo("ApiRequestLogged "
          + rotated.getMetadata().getEventId() + " should raise an alert and cannot: POST /v1/api_clients/{apiClientId}/rotate "
          + "answered 200 names no apiClientId in pathIds");
    }
  }

  /** An instant in the current hour. */
  private Instant at(int minute, int second) {
    return hour.plus(Duration.ofMinutes(minute)).plusSeconds(second);
  }

  private static Alert badSignatures(TestApiClient client, Instant window, int count, String lastSourceIp) {
    return alert("repeated_bad_signatures", AlertSeverity.warning, "api_client", client.clientId(),
        "API client %s sent %d requests with an invalid signature in the 5-minute window from %s."
            .formatted(client.clientId(), count, window),
        Map.of("count", Integer.toString(count), "window", interval(window, 5), "keyId", client.keyId(),
            "lastSourceIp", lastSourceIp));
  }

  private static Alert outsideAllowlist(TestApiClient client, Instant window, String sourceIp, String route) {
    return alert("request_outside_allowlist", AlertSeverity.critical, "api_client", client.clientId(),
        "API client %s sent 1 request with a valid signature from outside its allowlist (%s) in the 5-minute window from %s: "
            .formatted(client.clientId(), sourceIp, window) + "its secret may have leaked.",
        Map.of("count", "1", "window", interval(window, 5), "keyId", client.keyId(), "sourceIp", sourceIp,
            "service", "card-service", "route", route));
  }

  private static Alert unknownKeys(String address, Instant window, String lastKeyId) {
    return alert("unknown_keys", AlertSeverity.warning, "source_ip", address,
        "Address %s sent 10 requests naming an API key that does not exist in the 5-minute window from %s."
            .formatted(address, window),
        Map.of("count", "10", "window", interval(window, 5), "lastKeyId", lastKeyId));
  }

  private static String interval(Instant start, int minutes) {
    return start + "/" + start.plus(Duration.ofMinutes(minutes));
  }

  private static int random() {
    return ThreadLocalRandom.current().nextInt(1, 255);
  }

  private static String header(TopicProbe.Received record, String name) {
    Header header = record.raw().headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
