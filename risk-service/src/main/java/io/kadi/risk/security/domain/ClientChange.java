package io.kadi.risk.security.domain;

/** Changes to an API client's keys that alert every time, uncounted: each one is worth knowing about. */
public enum ClientChange {
  /** {@code POST /v1/api_clients/{apiClientId}/rotate} answered 200: the client has a new key. */
  API_KEY_ROTATED("api_key_rotated", Severity.INFO, "/v1/api_clients/{apiClientId}/rotate"),
  /** {@code POST /v1/api_clients/{apiClientId}/revoke} answered 200: the client's keys no longer work. */
  API_CLIENT_REVOKED("api_client_revoked", Severity.WARNING, "/v1/api_clients/{apiClientId}/revoke");

  /** The route variable that names the client changed. */
  public static final String CLIENT_VARIABLE = "apiClientId";

  private final String type;
  private final Severity severity;
  private final String route;

  ClientChange(String type, Severity severity, String route) {
    this.type = type;
    this.severity = severity;
    this.route = route;
  }

  public String type() {
    return type;
  }

  public Severity severity() {
    return severity;
  }

  /** Whether the request made this change. A refused attempt makes none (and may count as a refusal instead). */
  public boolean madeBy(ApiRequest request) {
    return request.answered("POST", route, 200);
  }
}
