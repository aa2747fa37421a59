package io.kadi.kit.security;

import io.kadi.kit.context.Mode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated client of the current request: a controller method gets it by taking a parameter of this type.
 *
 * @param programId the card program the client belongs to: it sees and changes only that program's objects
 */
public record ApiCaller(UUID clientId, String keyId, UUID programId, Mode mode, Set<String> scopes) {

  static final String ATTRIBUTE = ApiCaller.class.getName();

  public boolean has(String scope) {
    return scopes.contains(scope);
  }

  public static Optional<ApiCaller> of(HttpServletRequest request) {
    return Optional.ofNullable((ApiCaller) request.getAttribute(ATTRIBUTE));
  }

  static ApiCaller of(ApiKey key) {
    return new ApiCaller(key.clientId(), key.id(), key.programId(), key.mode(), key.scopes());
  }
}
