package io.kadi.kit.security;

import io.kadi.kit.web.ApiException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets a request reach its handler only when its client holds the scope the handler names ({@link RequiresScope}). */
final class ScopeInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getDispatcherType() == DispatcherType.ERROR || !(handler instanceof HandlerMethod method)) {
      return true;
    }
    ApiCaller caller = ApiCaller.of(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
        "missing_signature", "Every request must be signed. See docs/api-security.md#signing."));
    RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
    if (required == null) {
      throw new ApiException(HttpStatus.FORBIDDEN, "insufficient_scope", "No client may call this endpoint.");
    }
    if (!caller.has(required.value())) {
      throw new ApiException(HttpStatus.FORBIDDEN, "insufficient_scope",
          "This client lacks the scope " + required.value() + " this operation needs.",
          Map.of("required_scope", required.value()));
    }
    return true;
  }
}
