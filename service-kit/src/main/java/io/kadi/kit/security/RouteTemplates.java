package io.kadi.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The route template a request matched ({@code /v1/cards/{cardId}}), for the access log: ids and query values stay
 * out of it. A request refused before Spring MVC saw it is matched here, after its answer.
 */
public final class RouteTemplates {

  public static final String UNMATCHED = "unmatched";

  private final RequestMappingHandlerMapping mappings;

  public RouteTemplates(RequestMappingHandlerMapping mappings) {
    this.mappings = mappings;
  }

  /** The path's variables by name, once {@link #of} matched the route; empty when none did. */
  @SuppressWarnings("unchecked")
  public java.util.Map<String, String> variables(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    return variables instanceof java.util.Map<?, ?> map ? java.util.Map.copyOf((java.util.Map<String, String>) map)
        : java.util.Map.of();
  }

  public String of(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern == null) {
      try {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
          ServletRequestPathUtils.parseAndCache(request);
        }
        mappings.getHandler(request);
        pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
      } catch (Exception e) {
        // No route, or the method does not match one: the log says so.
      }
    }
    return pattern == null ? UNMATCHED : pattern.toString();
  }
}
