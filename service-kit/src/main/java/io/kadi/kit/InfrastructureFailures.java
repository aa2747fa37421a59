package io.kadi.kit;

import io.kadi.schemas.serde.SchemaRegistryUnavailableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the infrastructure (PostgreSQL or the schema registry unreachable, a transient database error)
 * from a failure of the work itself. The first kind says nothing about the request or record at hand: consumers
 * retry it until the infrastructure is back instead of dead-lettering good records, and the API answers 503.
 */
public final class InfrastructureFailures {

  private InfrastructureFailures() {}

  /** Whether the failure, or any of its causes, is the infrastructure being unavailable. */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SchemaRegistryUnavailableException) {
        return true;
      }
    }
    return false;
  }
}
