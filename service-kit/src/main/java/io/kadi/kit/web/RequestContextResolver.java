package io.kadi.kit.web;

import io.kadi.kit.context.RequestContext;
import io.kadi.kit.security.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take the {@link RequestContext} of the request (its id, and the authenticated client and
 * its mode), or the {@link ApiCaller} itself.
 */
final class RequestContextResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == RequestContext.class || parameter.getParameterType() == ApiCaller.class;
  }

  @Override
  public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
    ApiCaller caller = ApiCaller.of(http).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "missing_signature",
        "Every request must be signed. See docs/api-security.md#signing."));
    if (parameter.getParameterType() == ApiCaller.class) {
      return caller;
    }
    return new RequestContext(RequestIdFilter.requestId(http), caller.clientId().toString(), caller.mode(), null,
        caller.programId());
  }
}
