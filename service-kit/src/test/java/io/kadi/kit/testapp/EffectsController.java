package io.kadi.kit.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints with an effect a test can count: each successful execution writes a note under the request's
 * {@code effect_key} and answers 201 with the note's id, so that two executions never answer alike.
 */
@RestController
class EffectsController {

  record Effect(@NotNull UUID effectKey, @NotBlank String text) {}

  private static final Executor ASYNC = Executors.newVirtualThreadPerTaskExecutor();

  private final JdbcClient jdbc;
  private final Gates gates;
  private final Map<UUID, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();

  EffectsController(JdbcClient jdbc, Gates gates) {
    this.jdbc = jdbc;
    this.gates = gates;
  }

  @RequiresScope(Scopes.CARDS_ISSUE)
  @PostMapping("/test/effects")
  ResponseEntity<Map<String, Object>> create(@Valid @RequestBody Effect effect) {
    return write(effect);
  }

  /** Waits at the gate named by the text before writing. */
  @RequiresScope(Scopes.CARDS_ISSUE)
  @PostMapping("/test/effects/gated")
  ResponseEntity<Map<String, Object>> gated(@Valid @RequestBody Effect effect) throws InterruptedException {
    gates.pass(effect.text());
    return write(effect);
  }

  /** Fails with a 500 the first time for its effect key, and writes every later time. */
  @RequiresScope(Scopes.CARDS_ISSUE)
  @PostMapping("/test/effects/flaky")
  ResponseEntity<Map<String, Object>> flaky(@Valid @RequestBody Effect effect) {
    if (flakyAttempts.computeIfAbsent(effect.effectKey(), ignored -> new AtomicInteger()).incrementAndGet() == 1) {
      throw new IllegalStateException("fails the first time");
    }
    return write(effect);
  }

  /** Answers asynchronously, from another thread, as card-service's authorizations do. */
  @RequiresScope(Scopes.CARDS_ISSUE)
  @PostMapping("/test/effects/async")
  CompletableFuture<ResponseEntity<Map<String, Object>>> async(@Valid @RequestBody Effect effect) {
    return CompletableFuture.supplyAsync(() -> write(effect), ASYNC);
  }

  private ResponseEntity<Map<String, Object>> write(Effect effect) {
    UUID noteId = UUID.randomUUID();
    jdbc.sql("insert into notes (id, key, text) values (?, ?, ?)").params(noteId, effect.effectKey(), effect.text()).update();
    return ResponseEntity.created(URI.create("/test/effects/" + noteId))
        .body(Map.of("effect_key", effect.effectKey().toString(), "note_id", noteId.toString()));
  }
}
