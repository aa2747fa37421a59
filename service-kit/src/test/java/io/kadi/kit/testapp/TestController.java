package io.kadi.kit.testapp;

import io.kadi.kit.context.RequestContext;
import io.kadi.kit.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import io.kadi.kit.security.Sensitive;
import io.kadi.kit.security.StepUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TestController {

  record Thing(@NotBlank String displayName, @Positive long amount) {}

  @RequiresScope(Scopes.CARDS_ISSUE)
  @PostMapping("/test/things")
  Map<String, Object> create(@Valid @RequestBody Thing thing, RequestContext context) {
    return Map.of("display_name", thing.displayName(), "request_id", context.requestId(), "actor", context.actorClientId(),
        "mode", context.mode().wireName());
  }

  /** Stands for key management and PAN reveal: the sensitive rate limit applies. */
  @Sensitive
  @RequiresScope(Scopes.KEYS_WRITE)
  @PostMapping("/test/sensitive")
  Map<String, Object> sensitive(RequestContext context) {
    return Map.of("request_id", context.requestId());
  }

  /** Stands for key management and PAN reveal: a TOTP code is needed. */
  @StepUp
  @RequiresScope(Scopes.KEYS_WRITE)
  @PostMapping("/test/privileged")
  Map<String, Object> privileged(RequestContext context) {
    return Map.of("request_id", context.requestId());
  }

  @RequiresScope(Scopes.CARDS_READ)
  @GetMapping("/test/things/{thingId}")
  Map<String, Object> read(@PathVariable UUID thingId) {
    throw new ApiException(HttpStatus.NOT_FOUND, "thing_not_found", "No thing " + thingId + ".", Map.of("thing_id", thingId.toString()));
  }

  @RequiresScope(Scopes.CARDS_ISSUE)
  @PostMapping("/test/database-down")
  void databaseDown() {
    throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms"));
  }

  @RequiresScope(Scopes.CARDS_ISSUE)
  @PostMapping("/test/explode")
  void explode() {
    throw new IllegalStateException("secret internal detail");
  }
}
