package io.kadi.kit.security;

import jakarta.servlet.http.HttpServletRequest;

/** What is not the API: health and metrics for the platform, and the container's error page. */
final class ApiPaths {

  private ApiPaths() {}

  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals("/actuator") || path.startsWith("/actuator/") || path.equals("/error"));
  }
}
