package io.kadi.kit.web;

import io.kadi.kit.InfrastructureFailures;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers every refused request with an RFC 9457 problem ({@code application/problem+json}) that carries a stable
 * {@code code} and the {@code request_id}. Codes are documented in docs/api.md.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
  private static final String RETRY_AFTER_SECONDS = "2";

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> refused(ApiException e, WebRequest request) {
    ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
    e.properties().forEach(problem::setProperty);
    HttpHeaders headers = new HttpHeaders();
    if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return handleExceptionInternal(e, problem, headers, e.status(), request);
  }

  /**
   * A failure nobody anticipated: logged with its stack trace, answered without any of it. When it is the
   * infrastructure that failed (PostgreSQL or the schema registry unreachable), the answer is 503 with Retry-After:
   * the request was fine, and sending it again shortly is the right thing to do. (Almost always nothing was changed;
   * only a connection lost during the commit itself leaves that unknown.)
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    if (InfrastructureFailures.isUnavailable(e)) {
      log.warn("Infrastructure unavailable handling {}: {}", request.getDescription(false), e.getMessage());
      ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
          "A service this request needs is unavailable for a moment. Try again shortly.");
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      return handleExceptionInternal(e, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }
    log.error("Unexpected failure handling {}", request.getDescription(false), e);
    ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
        "Something went wrong on our side. Nothing was changed by this request. Quote the request_id if it persists.");
    return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = switch (e.getMostSpecificCause()) {
      case UnrecognizedPropertyException unknown -> Problems.of(status, "unknown_field",
          "Unknown field '" + path(unknown) + "'.");
      case DatabindException invalid -> invalidFields(status, Map.of(path(invalid), "has an invalid value"));
      case InputCoercionException invalid -> invalidFields(status, Map.of(path(invalid), "has an invalid value"));
      default -> Problems.of(status, "malformed_json", "The request body is missing or is not valid JSON.");
    };
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Map<String, String> errors = e.getBindingResult().getFieldErrors().stream()
        .collect(Collectors.toMap(error -> snakeCase(error.getField()), error -> String.valueOf(error.getDefaultMessage()),
            (first, second) -> first, java.util.TreeMap::new));
    return handleExceptionInternal(e, invalidFields(status, errors), headers, status, request);
  }

  /**
   * A path id of the wrong shape (not a UUID, say) names nothing that could exist: it is not found, with the code
   * of the resource it names ({@code cardId} gives {@code card_not_found}), as a well-formed unknown id would be.
   */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> mismatchedArgument(MethodArgumentTypeMismatchException e, WebRequest request) {
    boolean pathVariable = e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
    HttpStatus status = pathVariable ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    String resource = snakeCase(e.getName().replaceAll("Id$", ""));
    ProblemDetail problem = pathVariable
        ? Problems.of(status, resource + "_not_found", "No " + resource.replace('_', ' ') + " " + e.getValue() + ".")
        : invalidFields(status, Map.of(snakeCase(e.getName()), "has an invalid value"));
    return handleExceptionInternal(e, problem, new HttpHeaders(), status, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
    HttpServletRequest http = request instanceof ServletWebRequest servlet ? servlet.getRequest() : null;
    return super.handleExceptionInternal(e, Problems.complete(problem, http), headers, status, request);
  }

  private static ProblemDetail invalidFields(HttpStatusCode status, Map<String, String> errors) {
    ProblemDetail problem = Problems.of(status, "validation_failed", "Some fields are missing or invalid: "
        + String.join(", ", errors.keySet()) + ".");
    problem.setProperty("errors", errors.entrySet().stream()
        .map(error -> Map.of("field", error.getKey(), "message", error.getValue()))
        .toList());
    return problem;
  }

  private static String path(JacksonException e) {
    List<String> parts = e.getPath().stream()
        .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
        .toList();
    return parts.isEmpty() ? "(body)" : String.join(".", parts).replace(".[", "[");
  }

  private static String snakeCase(String field) {
    return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
