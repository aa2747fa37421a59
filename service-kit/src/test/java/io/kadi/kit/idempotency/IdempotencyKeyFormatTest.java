package io.kadi.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeyFormatTest {

  @Test
  void acceptsOneTo255PrintableAsciiCharacters() {
    assertThat(IdempotencyKeyFormat.isValid("a")).isTrue();
    assertThat(IdempotencyKeyFormat.isValid("k".repeat(255))).isTrue();
    assertThat(IdempotencyKeyFormat.isValid("8e03978e-40d5-43e8-bc93-6894a57f9324")).isTrue();
    assertThat(IdempotencyKeyFormat.isValid(" !\"order 42\"~")).isTrue();
  }

  @Test
  void refusesAnEmptyOrMissingKey() {
    assertThat(IdempotencyKeyFormat.isValid("")).isFalse();
    assertThat(IdempotencyKeyFormat.isValid(null)).isFalse();
  }

  @Test
  void refusesAKeyLongerThan255Characters() {
    assertThat(IdempotencyKeyFormat.isValid("k".repeat(256))).isFalse();
  }

  @Test
  void refusesControlAndNonAsciiCharacters() {
    assertThat(IdempotencyKeyFormat.isValid("key\n")).isFalse();
    assertThat(IdempotencyKeyFormat.isValid("key\t1")).isFalse();
    assertThat(IdempotencyKeyFormat.isValid("key\u007f")).isFalse();
    assertThat(IdempotencyKeyFormat.isValid("clé")).isFalse();
  }
}
