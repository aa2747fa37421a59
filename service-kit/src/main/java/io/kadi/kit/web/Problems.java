package io.kadi.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds and completes RFC 9457 problems: every one carries a stable {@code code} and the {@code request_id}. */
public final class Problems {

  public static final String CODE = "code";
  public static final String REQUEST_ID = "request_id";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty(CODE, code);
    return problem;
  }

  /** Adds what every problem must carry: a code (derived from the status if none was set), the type, the request id. */
  public static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
    Object code = problem.getProperties() == null ? null : problem.getProperties().get(CODE);
    if (code == null) {
      code = codeFor(HttpStatusCode.valueOf(problem.getStatus()));
      problem.setProperty(CODE, code);
    }
    problem.setType(URI.create("urn:kadi:problem:" + code));
    if (request != null) {
      problem.setProperty(REQUEST_ID, RequestIdFilter.requestId(request));
    }
    return problem;
  }

  /** The code of a problem nothing more specific describes. */
  static String codeFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad_request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 406 -> "not_acceptable";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "rate_limited";
      case 503 -> "unavailable";
      default -> status.is5xxServerError() ? "internal_error" : "request_refused";
    };
  }
}
