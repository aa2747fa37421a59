package io.kadi.risk.security.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to a Kadi API, accepted or refused, as the answering service's access log told it.
 *
 * @param clientId the API client the request authenticated as or named; empty when it named no known key
 * @param service the service that answered
 * @param keyId the API key id the request named, valid or not; empty when it named none
 * @param sourceIp the caller's address
 * @param route the route template that matched ({@code /v1/cards/{cardId}}), never the concrete path
 * @param pathIds the ids in the path, by the route template's variable names
 * @param refusal the problem code of a refused request ({@code invalid_signature}, ...); empty when it succeeded
 * @param occurredAt when the request was answered: the time every window is taken from
 */
public record ApiRequest(Optional<String> clientId, String service, Optional<String> keyId, String sourceIp, String method,
    String route, Map<String, String> pathIds, int status, Optional<String> refusal, Instant occurredAt) {

  public ApiRequest {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(sourceIp, "sourceIp");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(route, "route");
    pathIds = Map.copyOf(pathIds);
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** Whether the request was refused with the problem code. */
  public boolean refusedWith(String code) {
    return refusal.filter(code::equals).isPresent();
  }

  /** Whether the request was this method on this route, answered with this status. */
  public boolean answered(String method, String route, int status) {
    return this.method.equals(method) && this.route.equals(route) && this.status == status;
  }

  /**
   * Whom the request counts against: its API client, or its source address when it named no known key (nobody else
   * can be told apart then).
   */
  public Subject countedSubject() {
    return clientId.map(Subject::apiClient).orElseGet(() -> Subject.sourceIp(sourceIp));
  }
}
