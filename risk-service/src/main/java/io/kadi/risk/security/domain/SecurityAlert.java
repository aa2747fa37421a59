package io.kadi.risk.security.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An alert for people, about an API client or an address.
 *
 * @param type the stable name of what happened: {@code repeated_bad_signatures}, {@code api_key_rotated}, ...
 * @param summary one sentence for people
 * @param details the facts behind it, by name, in the order people read them
 */
public record SecurityAlert(String type, Severity severity, Subject subject, String summary, Map<String, String> details) {

  public SecurityAlert {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(summary, "summary");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
