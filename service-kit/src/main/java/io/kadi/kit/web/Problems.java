package io.kadi.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/** Builds and completes RFC 9457 problems: every one carries a stable {@code code} and the {@code request_id}. */
public final class Problems {

  public static final String CODE = "code";
  public static final String REQUEST_ID = "request_id";
  /** The request attribute that holds the code of the problem a request was answered with (for the access log). */
  public static final String CODE_ATTRIBUTE = Problems.class.getName() + ".code";

  private static final JsonMapper JSON = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

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
      request.setAttribute(CODE_ATTRIBUTE, code);
    }
    return problem;
  }

  /** Answers with the problem from outside Spring MVC: a filter refusing a request before any handler runs. */
  public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
    complete(problem, request);
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }

  /** The code of a problem nothing more specific describes. */
  public static String codeFor(HttpStatusCode status) {
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
