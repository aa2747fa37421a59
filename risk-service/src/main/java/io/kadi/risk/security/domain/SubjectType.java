package io.kadi.risk.security.domain;

/** What a security alert, and the count behind it, is about. */
public enum SubjectType {
  /** An API client, by client id. */
  API_CLIENT("api_client"),
  /** A caller's address, for requests that named no known key. */
  SOURCE_IP("source_ip");

  private final String label;

  SubjectType(String label) {
    this.label = label;
  }

  /** The name used in alerts and in the counters table: {@code api_client}, {@code source_ip}. */
  public String label() {
    return label;
  }
}
