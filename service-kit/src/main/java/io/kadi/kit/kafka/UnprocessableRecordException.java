package io.kadi.kit.kafka;

/**
 * A record that no retry can help: of a type the listener does not handle, or otherwise malformed beyond what a
 * rejection event can express. It goes to the dead-letter topic at once.
 */
public class UnprocessableRecordException extends RuntimeException {

  public UnprocessableRecordException(String message) {
    super(message);
  }
}
