package io.kadi.schemas.registry;

/**
 * A registry call failed. {@code errorCode} is the registry's own code where it gave one (for example 40403,
 * "schema not found"), or -1 when the registry could not be reached.
 */
public class SchemaRegistryException extends RuntimeException {

  public static final int UNREACHABLE = -1;
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int INVALID_SCHEMA = 42201;

  private final int errorCode;

  public SchemaRegistryException(int errorCode, String message) {
    this(errorCode, message, null);
  }

  public SchemaRegistryException(int errorCode, String message, Throwable cause) {
    super(message + (errorCode == UNREACHABLE ? "" : " (registry error " + errorCode + ")"), cause);
    this.errorCode = errorCode;
  }

  public int errorCode() {
    return errorCode;
  }

  /**
   * The registry could not be used: unreachable, failing on its side (5xx), or refusing these credentials (401, 403).
   * None of it says anything about the schema or record at hand, and all of it ends without any change on our side.
   */
  public boolean registryUnavailable() {
    return errorCode == UNREACHABLE || errorCode / 100 == 5 || errorCode / 10_000 == 5
        || errorCode == 401 || errorCode == 403 || errorCode / 100 == 401 || errorCode / 100 == 403;
  }
}
