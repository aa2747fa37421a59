package io.kadi.kit.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Holds the response back until it has been stored, as ShallowEtagHeaderFilter does for its ETag. A response the
 * handler sent with {@code sendError} or {@code sendRedirect} is finished by the container, out of this filter's
 * sight, so it cannot be captured faithfully; it says so, and is never stored.
 */
final class CapturingResponse extends ContentCachingResponseWrapper {

  private boolean leftToTheContainer;

  CapturingResponse(HttpServletResponse response) {
    super(response);
  }

  /** Whether the handler left the response to the container, or the response went out before it could be held. */
  boolean escapedCapture() {
    return leftToTheContainer || getResponse().isCommitted();
  }

  @Override
  public void sendError(int status) throws IOException {
    leftToTheContainer = true;
    super.sendError(status);
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    leftToTheContainer = true;
    super.sendError(status, message);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    leftToTheContainer = true;
    super.sendRedirect(location);
  }

  @Override
  public void sendRedirect(String location, int status) throws IOException {
    leftToTheContainer = true;
    super.sendRedirect(location, status);
  }

  @Override
  public void sendRedirect(String location, boolean clearBuffer) throws IOException {
    leftToTheContainer = true;
    super.sendRedirect(location, clearBuffer);
  }

  @Override
  public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
    leftToTheContainer = true;
    super.sendRedirect(location, status, clearBuffer);
  }
}
