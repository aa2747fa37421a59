package io.kadi.kit.web;

import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take a {@link RequestContext} parameter. Until API keys authenticate requests, REST
 * calls act as {@value RequestContext#UNAUTHENTICATED} in sandbox mode.
 */
final class RequestContextResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == RequestContext.class;
  }

  @Override
  public RequestContext resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
    return new RequestContext(RequestIdFilter.requestId(http), RequestContext.UNAUTHENTICATED, Mode.SANDBOX, null);
  }
}
