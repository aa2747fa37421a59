package io.kadi.kit.web;

import io.kadi.kit.context.Ids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plausible id, a new one otherwise. The id
 * is echoed in the response, put on every log line (MDC {@code request_id}), in every problem, and on every record
 * the request causes.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";
  public static final String MDC_KEY = "request_id";

  /** What a caller may send; anything else (too long, odd characters) is replaced, so logs cannot be forged through it. */
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String requestId = given != null && ACCEPTED.matcher(given).matches() ? given : Ids.newId().toString();
    request.setAttribute(ATTRIBUTE, requestId);
    response.setHeader(HEADER, requestId);
    MDC.put(MDC_KEY, requestId);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  /** The id of the current request, or null outside one. */
  public static String requestId(HttpServletRequest request) {
    return (String) request.getAttribute(ATTRIBUTE);
  }
}
