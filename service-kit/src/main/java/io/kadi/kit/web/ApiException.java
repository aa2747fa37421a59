package io.kadi.kit.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, answered as a problem with this status and stable {@code code}. Extra properties join
 * the problem's members.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Map<String, Object> properties;

  public ApiException(HttpStatus status, String code, String detail) {
    this(status, code, detail, Map.of());
  }

  public ApiException(HttpStatus status, String code, String detail, Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.code = code;
    this.properties = Map.copyOf(properties);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
