package io.kadi.audit.log.domain;

import java.util.Objects;

/**
 * A row of the log that no longer reads as an entry: a null where every entry has a value, subject ids that are not
 * an object of strings, and so on.
 *
 * @param problem what is wrong with the row, for the operators who look into it
 */
public record UnreadableEntry(long sequence, String problem) implements StoredEntry {

  public UnreadableEntry {
    Objects.requireNonNull(problem, "problem");
  }
}
