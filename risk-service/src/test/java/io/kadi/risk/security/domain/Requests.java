package io.kadi.risk.security.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** API requests as the access log tells them, and the default thresholds, for the domain's tests. */
final class Requests {

  static final String CLIENT = "0196a4c1-7d2e-7c3b-9a51-2f4e8b6d1c0a";
  static final String KEY = "ksk_test_4f7d2a9c1e8b6a3d5f0c2e7b";
  static final String ADDRESS = "203.0.113.9";
  static final String CARD = "0196a4c2-0b3f-7e11-8c4d-6a2b9e0f3d51";
  static final Instant AT = Instant.parse("2026-03-10T12:03:17.250Z");

  static final SecurityPolicy DEFAULTS = new SecurityPolicy(Map.of(
      CountedAlert.REPEATED_BAD_SIGNATURES, new Threshold(5, Duration.ofMinutes(5)),
      CountedAlert.REQUEST_OUTSIDE_ALLOWLIST, new Threshold(1, Duration.ofMinutes(5)),
      CountedAlert.RATE_LIMIT_STORM, new Threshold(20, Duration.ofMinutes(1)),
      CountedAlert.UNKNOWN_KEYS, new Threshold(10, Duration.ofMinutes(5)),
      CountedAlert.MASS_ISSUANCE, new Threshold(50, Duration.ofMinutes(1))));

  private Requests() {}

  /** A request of the client to get a card, refused with the code. */
  static ApiRequest refused(String code, int status) {
    return new ApiRequest(Optional.of(CLIENT), "card-service", Optional.of(KEY), ADDRESS, "GET", "/v1/cards/{cardId}",
        Map.of("cardId", CARD), status, Optional.of(code), AT);
  }

  /** A request that named a key id nobody has: the access log knows no client for it. */
  static ApiRequest unknownKey(String keyId) {
    return new ApiRequest(Optional.empty(), "card-service", Optional.of(keyId), ADDRESS, "GET", "/v1/cards/{cardId}",
        Map.of("cardId", CARD), 401, Optional.of("unknown_key"), AT);
  }

  /** A request of the client, answered without a refusal. */
  static ApiRequest answered(String method, String route, Map<String, String> pathIds, int status) {
    return new ApiRequest(Optional.of(CLIENT), "card-service", Optional.of(KEY), ADDRESS, method, route, pathIds, status,
        Optional.empty(), AT);
  }

  static ApiRequest cardIssued() {
    return answered("POST", "/v1/cards", Map.of(), 201);
  }

  static ApiRequest at(ApiRequest request, Instant at) {
    return new ApiRequest(request.clientId(), request.service(), request.keyId(), request.sourceIp(), request.method(),
        request.route(), request.pathIds(), request.status(), request.refusal(), at);
  }

  static ApiRequest from(ApiRequest request, String sourceIp) {
    return new ApiRequest(request.clientId(), request.service(), request.keyId(), sourceIp, request.method(),
        request.route(), request.pathIds(), request.status(), request.refusal(), request.occurredAt());
  }

  static FixedWindow window(String start, String end) {
    return new FixedWindow(Instant.parse(start), Instant.parse(end));
  }
}
