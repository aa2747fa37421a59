package io.kadi.risk.security.domain;

import io.kadi.risk.security.domain.Observation.Counted;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text of each security alert: its summary for people, and its details. docs/risk.md shows every one. */
final class SecurityAlerts {

  private SecurityAlerts() {}

  static SecurityAlert counted(Counted counted, long count, ApiRequest request) {
    FixedWindow window = counted.window();
    String who = capitalized(counted.subject().inWords());
    String when = "in the %s window from %s".formatted(window.lengthInWords(), window.start());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("count", Long.toString(count));
    details.put("window", window.interval());
    String summary = switch (counted.alert()) {
      case REPEATED_BAD_SIGNATURES -> {
        request.keyId().ifPresent(key -> details.put("keyId", key));
        details.put("lastSourceIp", request.sourceIp());
        yield "%s sent %s with an invalid signature %s.".formatted(who, requests(count), when);
      }
      case REQUEST_OUTSIDE_ALLOWLIST -> {
        request.keyId().ifPresent(key -> details.put("keyId", key));
        details.put("sourceIp", request.sourceIp());
        details.put("service", request.service());
        details.put("route", request.route());
        yield "%s sent %s with a valid signature from outside its allowlist (%s) %s: its secret may have leaked."
            .formatted(who, requests(count), request.sourceIp(), when);
      }
      case RATE_LIMIT_STORM -> {
        request.keyId().ifPresent(key -> details.put("keyId", key));
        details.put("lastSourceIp", request.sourceIp());
        yield "%s had %s refused for its rate limit %s.".formatted(who, requests(count), when);
      }
      case UNKNOWN_KEYS -> {
        request.keyId().ifPresent(key -> details.put("lastKeyId", key));
        yield "%s sent %s naming an API key that does not exist %s.".formatted(who, requests(count), when);
      }
      case MASS_ISSUANCE -> {
        request.keyId().ifPresent(key -> details.put("keyId", key));
        details.put("lastSourceIp", request.sourceIp());
        yield "%s issued %d %s %s.".formatted(who, count, count == 1 ? "card" : "cards", when);
      }
    };
    return new SecurityAlert(counted.alert().type(), counted.alert().severity(), counted.subject(), summary, details);
  }

  static SecurityAlert changed(ClientChange change, Subject changed, String actingClient, ApiRequest request) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("actingClientId", actingClient);
    request.keyId().ifPresent(key -> details.put("actingKeyId", key));
    details.put("service", request.service());
    details.put("sourceIp", request.sourceIp());
    String summary = switch (change) {
      case API_KEY_ROTATED -> "The key of %s was rotated by API client %s.".formatted(changed.inWords(), actingClient);
      case API_CLIENT_REVOKED -> "%s was revoked by API client %s.".formatted(capitalized(changed.inWords()), actingClient);
    };
    return new SecurityAlert(change.type(), change.severity(), changed, summary, details);
  }

  private static String requests(long count) {
    return count + (count == 1 ? " request" : " requests");
  }

  private static String capitalized(String words) {
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
