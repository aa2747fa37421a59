package io.kadi.card.authorization.application;

import io.kadi.card.authorization.domain.Authorization;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The processor requests this instance is holding, by authorization id. No thread waits on them: each is completed
 * by whichever comes first of the decision's signal and the budget's timer.
 */
@Component
public class PendingAuthorizations {

  private final Map<UUID, CompletableFuture<Authorization>> waiting = new ConcurrentHashMap<>();

  CompletableFuture<Authorization> register(UUID id) {
    CompletableFuture<Authorization> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    answer.whenComplete((authorization, failure) -> waiting.remove(id));
    return answer;
  }

  public boolean isWaitingFor(UUID id) {
    return waiting.containsKey(id);
  }

  /** Answers the request for this authorization, if this instance holds it and it is decided. */
  public void answer(Authorization decided) {
    if (!decided.pending()) {
      CompletableFuture<Authorization> answer = waiting.get(decided.id());
      if (answer != null) {
        answer.complete(decided);
      }
    }
  }

  void fail(UUID id, Throwable failure) {
    CompletableFuture<Authorization> answer = waiting.get(id);
    if (answer != null) {
      answer.completeExceptionally(failure);
    }
  }

  int size() {
    return waiting.size();
  }
}
