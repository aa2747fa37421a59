package io.kadi.card.outcome;

import java.util.function.Function;

/** What an operation came to: done with a value, or refused (nothing changed). */
public sealed interface Outcome<T> {

  record Done<T>(T value) implements Outcome<T> {}

  record Refused<T>(Refusal refusal) implements Outcome<T> {}

  static <T> Outcome<T> done(T value) {
    return new Done<>(value);
  }

  static <T> Outcome<T> refused(RefusalCode code, String detail) {
    return new Refused<>(new Refusal(code, detail));
  }

  static <T> Outcome<T> refused(Refusal refusal) {
    return new Refused<>(refusal);
  }

  /** Goes on with the value when done; passes a refusal through untouched. */
  default <R> Outcome<R> then(Function<T, Outcome<R>> next) {
    return switch (this) {
      case Done<T>(T value) -> next.apply(value);
      case Refused<T>(Refusal refusal) -> new Refused<>(refusal);
    };
  }
}
