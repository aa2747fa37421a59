package io.kadi.kit.context;

import io.kadi.events.common.v1.Metadata;
import java.util.Objects;
import java.util.UUID;

/**
 * On whose behalf, and because of what, a unit of work runs: a REST request or a consumed record. Application
 * services take it as a parameter and stamp it on every record they write.
 *
 * @param requestId correlation id, carried from the first request through every record it causes
 * @param actorClientId the API client acting
 * @param mode sandbox or live
 * @param causationId id of the message that caused this work (a command id or event id), or null for a REST call
 * @param programId the card program a REST caller belongs to, whose objects alone it may see and change; null for
 *     work caused by a record, which Kafka's own access control admitted
 */
public record RequestContext(String requestId, String actorClientId, Mode mode, String causationId, UUID programId) {

  public RequestContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(actorClientId, "actorClientId");
    Objects.requireNonNull(mode, "mode");
  }

  /** Work not bound to a program: caused by a record, or done by Kadi itself. */
  public RequestContext(String requestId, String actorClientId, Mode mode, String causationId) {
    this(requestId, actorClientId, mode, causationId, null);
  }

  /** The objects this work may see: its mode's, of its program when it has one. */
  public Tenant tenant() {
    return new Tenant(mode, programId);
  }

  /** The context of work caused by a consumed record: same correlation, actor and mode, caused by that record. */
  public static RequestContext causedBy(Metadata metadata, String causationId) {
    return new RequestContext(metadata.getRequestId(), metadata.getActorClientId(), Mode.fromAvro(metadata.getMode()), causationId);
  }
}
