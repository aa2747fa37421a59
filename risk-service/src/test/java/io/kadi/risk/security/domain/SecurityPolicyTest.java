package io.kadi.risk.security.domain;

import static io.kadi.risk.security.domain.Requests.ADDRESS;
import static io.kadi.risk.security.domain.Requests.CARD;
import static io.kadi.risk.security.domain.Requests.CLIENT;
import static io.kadi.risk.security.domain.Requests.DEFAULTS;
import static io.kadi.risk.security.domain.Requests.KEY;
import static io.kadi.risk.security.domain.Requests.answered;
import static io.kadi.risk.security.domain.Requests.cardIssued;
import static io.kadi.risk.security.domain.Requests.from;
import static io.kadi.risk.security.domain.Requests.refused;
import static io.kadi.risk.security.domain.Requests.unknownKey;
import static io.kadi.risk.security.domain.Requests.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.risk.security.domain.Observation.Alerting;
import io.kadi.risk.security.domain.Observation.Counted;
import io.kadi.risk.security.domain.Observation.Ignored;
import io.kadi.risk.security.domain.Observation.Unusable;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which alert each API request counts toward or raises, the window it counts in, when a count fires, and the text. */
class SecurityPolicyTest {

  private static final String OTHER_CLIENT = "0196a4c3-51aa-7f02-b3e6-9d8c7b6a5f40";
  private static final String ROTATE = "/v1/api_clients/{apiClientId}/rotate";
  private static final String REVOKE = "/v1/api_clients/{apiClientId}/revoke";

  @Nested
  class WhatCounts {

    @Test
    void aBadSignatureCountsAgainstItsClientInTheFiveMinuteWindowItFallsIn() {
      assertThat(DEFAULTS.observe(refused("invalid_signature", 401))).isEqualTo(new Counted(
          CountedAlert.REPEATED_BAD_SIGNATURES, Subject.apiClient(CLIENT), window("2026-03-10T12:00:00Z", "2026-03-10T12:05:00Z")));
    }

    @Test
    void aRequestFromOutsideTheAllowlistCountsAgainstItsClient() {
      assertThat(DEFAULTS.observe(refused("ip_not_allowed", 403))).isEqualTo(new Counted(
          CountedAlert.REQUEST_OUTSIDE_ALLOWLIST, Subject.apiClient(CLIENT), window("2026-03-10T12:00:00Z", "2026-03-10T12:05:00Z")));
    }

    @Test
    void aRateLimitedRequestCountsInTheOneMinuteWindowItFallsIn() {
      assertThat(DEFAULTS.observe(refused("rate_limited", 429))).isEqualTo(new Counted(
          CountedAlert.RATE_LIMIT_STORM, Subject.apiClient(CLIENT), window("2026-03-10T12:03:00Z", "2026-03-10T12:04:00Z")));
    }

    @Test
    void aCardIssuedCountsTowardMassIssuance() {
      assertThat(DEFAULTS.observe(cardIssued())).isEqualTo(new Counted(
          CountedAlert.MASS_ISSUANCE, Subject.apiClient(CLIENT), window("2026-03-10T12:03:00Z", "2026-03-10T12:04:00Z")));
    }

    @Test
    void aRequestNamingAKeyThatDoesNotExistCountsAgainstItsSourceAddress() {
      assertThat(DEFAULTS.observe(unknownKey("ksk_live_guessed000000000000000"))).isEqualTo(new Counted(
          CountedAlert.UNKNOWN_KEYS, Subject.sourceIp(ADDRESS), window("2026-03-10T12:00:00Z", "2026-03-10T12:05:00Z")));
    }

    @Test
    void aRequestOfNoKnownClientCountsAgainstItsSourceAddressWhateverItWasRefusedFor() {
      ApiRequest anonymous = new ApiRequest(Optional.empty(), "card-service", Optional.empty(), ADDRESS, "GET",
          "/v1/cards/{cardId}", Map.of("cardId", CARD), 429, Optional.of("rate_limited"), Requests.AT);

      assertThat(DEFAULTS.observe(anonymous)).isEqualTo(new Counted(
          CountedAlert.RATE_LIMIT_STORM, Subject.sourceIp(ADDRESS), window("2026-03-10T12:03:00Z", "2026-03-10T12:04:00Z")));
    }

    @Test
    void otherRefusalsAndOtherSuccessesCountTowardNothing() {
      List<ApiRequest> others = List.of(
          refused("insufficient_scope", 403),
          refused("key_revoked", 401),
          refused("key_expired", 401),
          refused("request_replayed", 401),
          refused("timestamp_out_of_range", 401),
          answered("GET", "/v1/cards/{cardId}", Map.of("cardId", CARD), 200),
          answered("POST", "/v1/cards", Map.of(), 422),
          answered("POST", "/v1/cards/{cardId}/fundings", Map.of("cardId", CARD), 201),
          answered("GET", "/v1/cards", Map.of(), 201),
          answered("POST", ROTATE, Map.of("apiClientId", OTHER_CLIENT), 403),
          answered("POST", REVOKE, Map.of("apiClientId", OTHER_CLIENT), 404),
          answered("GET", "/v1/api_clients/{apiClientId}", Map.of("apiClientId", OTHER_CLIENT), 200));

      assertThat(others).allSatisfy(request -> assertThat(DEFAULTS.observe(request)).isEqualTo(new Ignored()));
    }

    @Test
    void aRequestCountsTowardOneAlertAtMost() {
      List<ApiRequest> requests = List.of(refused("invalid_signature", 401), refused("ip_not_allowed", 403),
          refused("rate_limited", 429), unknownKey("ksk_test_x"), cardIssued(),
          answered("POST", ROTATE, Map.of("apiClientId", OTHER_CLIENT), 200));

      assertThat(requests).allSatisfy(request ->
          assertThat(Arrays.stream(CountedAlert.values()).filter(alert -> alert.counts(request))).hasSizeLessThanOrEqualTo(1));
    }
  }

  @Nested
  class WhenACountFires {

    @Test
    void theFifthBadSignatureOfAWindowFiresAndNoOtherCountDoes() {
      ApiRequest request = refused("invalid_signature", 401);
      Counted counted = (Counted) DEFAULTS.observe(request);

      assertThat(IntStream.rangeClosed(1, 20).filter(count -> DEFAULTS.alertAt(counted, count, request).isPresent()))
          .containsExactly(5);
    }

    @Test
    void theFirstRequestFromOutsideTheAllowlistFires() {
      ApiRequest request = refused("ip_not_allowed", 403);
      Counted counted = (Counted) DEFAULTS.observe(request);

      assertThat(IntStream.rangeClosed(1, 5).filter(count -> DEFAULTS.alertAt(counted, count, request).isPresent()))
          .containsExactly(1);
    }

    @Test
    void eachCountedAlertHasItsOwnConfiguredThreshold() {
      Map<CountedAlert, Threshold> thresholds = new EnumMap<>(DEFAULTS.thresholds());
      thresholds.put(CountedAlert.MASS_ISSUANCE, new Threshold(3, Duration.ofMinutes(10)));
      SecurityPolicy policy = new SecurityPolicy(thresholds);
      Counted counted = (Counted) policy.observe(cardIssued());

      assertThat(counted.window()).isEqualTo(window("2026-03-10T12:00:00Z", "2026-03-10T12:10:00Z"));
      assertThat(IntStream.rangeClosed(1, 60).filter(count -> policy.alertAt(counted, count, cardIssued()).isPresent()))
          .containsExactly(3);
    }

    @Test
    void aPolicyNeedsAThresholdForEveryCountedAlert() {
      Map<CountedAlert, Threshold> thresholds = new EnumMap<>(DEFAULTS.thresholds());
      thresholds.remove(CountedAlert.UNKNOWN_KEYS);

      assertThatThrownBy(() -> new SecurityPolicy(thresholds)).hasMessage("No threshold for unknown_keys");
    }
  }

  @Nested
  class WhatTheAlertsSay {

    @Test
    void repeatedBadSignaturesNamesTheKeyAndTheAddressOfTheRequestThatReachedTheThreshold() {
      ApiRequest fifth = from(refused("invalid_signature", 401), "198.51.100.7");

      assertThat(alertAt(fifth, 5)).isEqualTo(new SecurityAlert("repeated_bad_signatures", Severity.WARNING,
          Subject.apiClient(CLIENT),
          "API client " + CLIENT + " sent 5 requests with an invalid signature in the 5-minute window from 2026-03-10T12:00:00Z.",
          Map.of("count", "5", "window", "2026-03-10T12:00:00Z/2026-03-10T12:05:00Z", "keyId", KEY,
              "lastSourceIp", "198.51.100.7")));
    }

    @Test
    void requestOutsideAllowlistIsCriticalAndNamesTheAddressAndWhatWasAsked() {
      assertThat(alertAt(refused("ip_not_allowed", 403), 1)).isEqualTo(new SecurityAlert("request_outside_allowlist",
          Severity.CRITICAL, Subject.apiClient(CLIENT),
          "API client " + CLIENT + " sent 1 request with a valid signature from outside its allowlist (203.0.113.9) in the "
              + "5-minute window from 2026-03-10T12:00:00Z: its secret may have leaked.",
          Map.of("count", "1", "window", "2026-03-10T12:00:00Z/2026-03-10T12:05:00Z", "keyId", KEY, "sourceIp", ADDRESS,
              "service", "card-service", "route", "/v1/cards/{cardId}")));
    }

    @Test
    void rateLimitStormCountsTheRefusalsOfOneMinute() {
      assertThat(alertAt(refused("rate_limited", 429), 20)).isEqualTo(new SecurityAlert("rate_limit_storm", Severity.WARNING,
          Subject.apiClient(CLIENT),
          "API client " + CLIENT + " had 20 requests refused for its rate limit in the 1-minute window from 2026-03-10T12:03:00Z.",
          Map.of("count", "20", "window", "2026-03-10T12:03:00Z/2026-03-10T12:04:00Z", "keyId", KEY, "lastSourceIp", ADDRESS)));
    }

    @Test
    void unknownKeysIsAboutTheAddressAndNamesTheLastKeyTried() {
      assertThat(alertAt(unknownKey("ksk_live_guessed000000000000000"), 10)).isEqualTo(new SecurityAlert("unknown_keys",
          Severity.WARNING, Subject.sourceIp(ADDRESS),
          "Address 203.0.113.9 sent 10 requests naming an API key that does not exist in the 5-minute window from "
              + "2026-03-10T12:00:00Z.",
          Map.of("count", "10", "window", "2026-03-10T12:00:00Z/2026-03-10T12:05:00Z",
              "lastKeyId", "ksk_live_guessed000000000000000")));
    }

    @Test
    void massIssuanceCountsTheCardsIssued() {
      assertThat(alertAt(cardIssued(), 50)).isEqualTo(new SecurityAlert("mass_issuance", Severity.WARNING,
          Subject.apiClient(CLIENT),
          "API client " + CLIENT + " issued 50 cards in the 1-minute window from 2026-03-10T12:03:00Z.",
          Map.of("count", "50", "window", "2026-03-10T12:03:00Z/2026-03-10T12:04:00Z", "keyId", KEY, "lastSourceIp", ADDRESS)));
    }

    @Test
    void theSummaryNamesTheWindowsLength() {
      Map<CountedAlert, Threshold> thresholds = new EnumMap<>(DEFAULTS.thresholds());
      thresholds.put(CountedAlert.REPEATED_BAD_SIGNATURES, new Threshold(1, Duration.ofSeconds(90)));
      thresholds.put(CountedAlert.RATE_LIMIT_STORM, new Threshold(1, Duration.ofHours(1)));
      SecurityPolicy policy = new SecurityPolicy(thresholds);

      assertThat(summaryAt(policy, refused("invalid_signature", 401))).isEqualTo("API client " + CLIENT
          + " sent 1 request with an invalid signature in the 90-second window from 2026-03-10T12:03:00Z.");
      assertThat(summaryAt(policy, refused("rate_limited", 429))).isEqualTo("API client " + CLIENT
          + " had 1 request refused for its rate limit in the 1-hour window from 2026-03-10T12:00:00Z.");
    }

    private static SecurityAlert alertAt(ApiRequest request, long count) {
      return DEFAULTS.alertAt((Counted) DEFAULTS.observe(request), count, request).orElseThrow();
    }

    private static String summaryAt(SecurityPolicy policy, ApiRequest request) {
      return policy.alertAt((Counted) policy.observe(request), 1, request).orElseThrow().summary();
    }
  }

  @Nested
  class KeyChanges {

    @Test
    void aRotatedKeyAlertsAboutTheClientRotatedAndNamesWhoDidIt() {
      ApiRequest rotated = answered("POST", ROTATE, Map.of("apiClientId", OTHER_CLIENT), 200);

      assertThat(DEFAULTS.observe(rotated)).isEqualTo(new Alerting(new SecurityAlert("api_key_rotated", Severity.INFO,
          Subject.apiClient(OTHER_CLIENT), "The key of API client " + OTHER_CLIENT + " was rotated by API client " + CLIENT + ".",
          Map.of("actingClientId", CLIENT, "actingKeyId", KEY, "service", "card-service", "sourceIp", ADDRESS))));
    }

    @Test
    void aRevokedClientAlertsAboutTheClientRevoked() {
      ApiRequest revoked = answered("POST", REVOKE, Map.of("apiClientId", OTHER_CLIENT), 200);

      assertThat(DEFAULTS.observe(revoked)).isEqualTo(new Alerting(new SecurityAlert("api_client_revoked", Severity.WARNING,
          Subject.apiClient(OTHER_CLIENT), "API client " + OTHER_CLIENT + " was revoked by API client " + CLIENT + ".",
          Map.of("actingClientId", CLIENT, "actingKeyId", KEY, "service", "card-service", "sourceIp", ADDRESS))));
    }

    @Test
    void aClientRotatingItsOwnKeyAlertsToo() {
      ApiRequest rotated = answered("POST", ROTATE, Map.of("apiClientId", CLIENT), 200);

      assertThat(DEFAULTS.observe(rotated)).isInstanceOfSatisfying(Alerting.class, alerting ->
          assertThat(alerting.alert().summary()).isEqualTo("The key of API client " + CLIENT + " was rotated by API client " + CLIENT + "."));
    }

    @Test
    void aKeyChangeThatDoesNotNameTheClientChangedCannotBeToldAbout() {
      assertThat(DEFAULTS.observe(answered("POST", ROTATE, Map.of(), 200))).isEqualTo(
          new Unusable("POST /v1/api_clients/{apiClientId}/rotate answered 200 names no apiClientId in pathIds"));
      ApiRequest anonymous = new ApiRequest(Optional.empty(), "card-service", Optional.empty(), ADDRESS, "POST", REVOKE,
          Map.of("apiClientId", OTHER_CLIENT), 200, Optional.empty(), Requests.AT);
      assertThat(DEFAULTS.observe(anonymous)).isEqualTo(
          new Unusable("POST /v1/api_clients/{apiClientId}/revoke answered 200 with no API client acting"));
    }
  }
}
