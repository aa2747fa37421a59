package io.kadi.risk.security.domain;

import java.util.Objects;

/** What an alert is about: an API client or a source address. */
public record Subject(SubjectType type, String id) {

  public Subject {
    Objects.requireNonNull(type, "type");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A subject needs an id");
    }
  }

  public static Subject apiClient(String clientId) {
    return new Subject(SubjectType.API_CLIENT, clientId);
  }

  public static Subject sourceIp(String address) {
    return new Subject(SubjectType.SOURCE_IP, address);
  }

  /** The subject as a sentence names it: "API client 3f2a...", "address 203.0.113.9". */
  String inWords() {
    return switch (type) {
      case API_CLIENT -> "API client " + id;
      case SOURCE_IP -> "address " + id;
    };
  }
}
