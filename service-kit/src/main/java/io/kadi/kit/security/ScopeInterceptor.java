package io.kadi.kit.security;

import io.kadi.kit.ratelimit.RateClass;
import io.kadi.kit.ratelimit.RateDecision;
import io.kadi.kit.ratelimit.RateLimiter;
import io.kadi.kit.web.ApiException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request reach its handler only when its client holds the scope the handler names ({@link RequiresScope}),
 * then only within the client's rate limit for the handler's class: sensitive ({@link Sensitive}), read (GET) or
 * write, and then, for a privileged operation ({@link StepUp}), only with the client's TOTP code. Every answer that
 * got past the scope check carries the RateLimit headers; a refused one gets 429 with Retry-After.
 */
final class ScopeInterceptor implements HandlerInterceptor {

  private final RateLimiter limits;
  private final StepUps stepUps;

  ScopeInterceptor(RateLimiter limits, StepUps stepUps) {
    this.limits = limits;
    this.stepUps = stepUps;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)) {
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
    RateClass rateClass = method.hasMethodAnnotation(Sensitive.class) ? RateClass.SENSITIVE
        : "GET".equals(request.getMethod()) ? RateClass.READ : RateClass.WRITE;
    RateDecision decision = limits.tryConsume(caller.clientId().toString(), rateClass);
    decision.writeHeaders(response);
    if (!decision.allowed()) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "This client sent more " + rateClass.key()
          + " requests than its limit of " + decision.policy() + " (requests;w=seconds). Retry after "
          + decision.retryAfterSeconds() + " s.", Map.of("rate_class", rateClass.key()));
    }
    StepUp stepUp = method.getMethodAnnotation(StepUp.class);
    if (stepUp != null) {
      stepUps.require(request, (ApiKey) request.getAttribute(ApiAuthenticationFilter.CLAIMED_KEY), stepUp.unlessNotEnrolled(),
          rateClass == RateClass.SENSITIVE);
    }
    return true;
  }
}
