package io.kadi.risk.testing;

import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.events.common.v1.Metadata;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh API client with a sandbox key, and the access-log records (kadi.api-access.v1, keyed by client id) that
 * card-service's API layer would publish about its requests. Every record has a request id of its own, and its
 * {@code metadata.occurredAt} is the instant the test gives, since that is what the security alerts' windows read.
 */
public record TestApiClient(String clientId, String keyId) {

  public static final String SERVICE = "card-service";
  /** The client's usual address. */
  public static final String OFFICE = "198.51.100.10";
  /** The access log's client for requests that named no known key. */
  public static final String ANONYMOUS = "anonymous";

  public static TestApiClient fresh() {
    String id = UUID.randomUUID().toString();
    return new TestApiClient(id, "ksk_test_" + id.replace("-", "").substring(0, 24));
  }

  /** The records' key on kadi.api-access.v1. */
  public String key() {
    return clientId;
  }

  /** {@code GET /v1/cards/{cardId}} with a signature that does not match. */
  public ApiRequestLogged badSignature(Instant at, String sourceIp) {
    return getCard(at, sourceIp, 401, "invalid_signature");
  }

  /** {@code GET /v1/cards/{cardId}}, correctly signed, from an address not on the client's allowlist. */
  public ApiRequestLogged outsideAllowlist(Instant at, String sourceIp) {
    return getCard(at, sourceIp, 403, "ip_not_allowed");
  }

  /** {@code GET /v1/cards/{cardId}} over the client's rate limit. */
  public ApiRequestLogged rateLimited(Instant at) {
    return getCard(at, OFFICE, 429, "rate_limited");
  }

  /** {@code POST /v1/cards} answered 201: a card issued. */
  public ApiRequestLogged cardIssued(Instant at) {
    return logged(clientId, keyId, at, OFFICE, "POST", "/v1/cards", Map.of(), 201, null);
  }

  /** {@code POST /v1/api_clients/{apiClientId}/rotate} of the other client, answered 200. */
  public ApiRequestLogged rotated(TestApiClient other, Instant at) {
    return logged(clientId, keyId, at, OFFICE, "POST", "/v1/api_clients/{apiClientId}/rotate",
        Map.of("apiClientId", other.clientId()), 200, null);
  }

  /** {@code POST /v1/api_clients/{apiClientId}/rotate} of the other client, refused for want of the keys:write scope. */
  public ApiRequestLogged rotateRefused(TestApiClient other, Instant at) {
    return logged(clientId, keyId, at, OFFICE, "POST", "/v1/api_clients/{apiClientId}/rotate",
        Map.of("apiClientId", other.clientId()), 403, "insufficient_scope");
  }

  /** {@code POST /v1/api_clients/{apiClientId}/revoke} of the other client, answered 200. */
  public ApiRequestLogged revoked(TestApiClient other, Instant at) {
    return logged(clientId, keyId, at, OFFICE, "POST", "/v1/api_clients/{apiClientId}/revoke",
        Map.of("apiClientId", other.clientId()), 200, null);
  }

  /** A request naming a key id that does not exist: the access log knows no client for it. */
  public static ApiRequestLogged unknownKey(String keyId, Instant at, String sourceIp) {
    return logged(ANONYMOUS, keyId, at, sourceIp, "GET", "/v1/cards/{cardId}", Map.of("cardId", UUID.randomUUID().toString()),
        401, "unknown_key");
  }

  private ApiRequestLogged getCard(Instant at, String sourceIp, int status, String refusal) {
    return logged(clientId, keyId, at, sourceIp, "GET", "/v1/cards/{cardId}", Map.of("cardId", UUID.randomUUID().toString()),
        status, refusal);
  }

  private static ApiRequestLogged logged(String client, String keyId, Instant at, String sourceIp, String method, String route,
      Map<String, String> pathIds, int status, String refusal) {
    return ApiRequestLogged.newBuilder()
        .setMetadata(metadata(client, at))
        .setService(SERVICE)
        .setKeyId(keyId)
        .setAuthenticated(refusal == null)
        .setSourceIp(sourceIp)
        .setMethod(method)
        .setRoute(route)
        .setPathIds(pathIds)
        .setStatus(status)
        .setLatencyMicros(1_200)
        .setRefusal(refusal)
        .setUserAgent("kadi-test/1.0")
        .build();
  }

  private static Metadata metadata(String client, Instant at) {
    return new RecordMetadata(Clock.fixed(at, ZoneOffset.UTC))
        .stamp(new RequestContext("req-" + UUID.randomUUID(), client, Mode.SANDBOX, null));
  }
}
