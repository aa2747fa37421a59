package io.kadi.kit.idempotency;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The response a completed key replays: its status, the headers that describe it, and its body, byte for byte.
 *
 * @param contentType the Content-Type header, or null
 * @param location the Location header, or null
 */
public record StoredResponse(int status, String contentType, String location, byte[] body) {

  /**
   * Statuses that describe the moment rather than the request: not authenticated or allowed yet, a conflict with
   * another request in flight, a rate limit. The same request may well succeed later, so they are not replayed.
   */
  private static final Set<Integer> MOMENTARY = Set.of(401, 403, 409, 429);

  /**
   * Whether a response with this status is the request's outcome, to replay to every retry. A 5xx is not: the
   * failure is Kadi's, and a retry should run again (a 500 means nothing was changed, a 503 that something Kadi needs
   * was unavailable).
   */
  public static boolean isOutcome(int status) {
    return status < 500 && !MOMENTARY.contains(status);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredResponse that && status == that.status && Objects.equals(contentType, that.contentType)
        && Objects.equals(location, that.location) && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, contentType, location, Arrays.hashCode(body));
  }

  /** Without the body, which may hold secrets and must never reach a log. */
  @Override
  public String toString() {
    return "StoredResponse[status=" + status + ", contentType=" + contentType + ", location=" + location + ", body="
        + body.length + " bytes]";
  }
}
