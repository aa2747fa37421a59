package io.kadi.kit.idempotency;

import java.util.UUID;

/** What a request finds when it claims its idempotency key. */
public sealed interface Claim {

  /** The key is this request's to run with (first use, or a stale claim taken over); {@code id} proves it. */
  record Granted(UUID id) implements Claim {}

  /** The key's request completed with this response, which is replayed. */
  record Completed(StoredResponse response) implements Claim {}

  /** The key's request is still running (or its instance crashed less than the lock timeout ago). */
  record InProgress() implements Claim {}

  /** The key was first used for a different request (method, path, query or body). */
  record Reused() implements Claim {}
}
