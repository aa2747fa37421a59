package io.kadi.risk.security.kafka;

import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.kit.security.ApiAccessLog;
import io.kadi.risk.security.domain.ApiRequest;
import java.util.Optional;

/** Maps the access log's ApiRequestLogged to the domain's API request. */
final class ApiRequests {

  private ApiRequests() {}

  static ApiRequest of(ApiRequestLogged logged) {
    String actor = logged.getMetadata().getActorClientId();
    return new ApiRequest(
        ApiAccessLog.ANONYMOUS.equals(actor) ? Optional.empty() : Optional.of(actor),
        logged.getService(),
        Optional.ofNullable(logged.getKeyId()),
        logged.getSourceIp(),
        logged.getMethod(),
        logged.getRoute(),
        logged.getPathIds(),
        logged.getStatus(),
        Optional.ofNullable(logged.getRefusal()),
        logged.getMetadata().getOccurredAt());
  }
}
