package io.kadi.card.vault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PanGeneratorTest {

  @Test
  void luhnAcceptsKnownValidNumbersAndRejectsAnyAlteredDigit() {
    assertThat(Luhn.isValid("79927398713")).isTrue();
    assertThat(Luhn.isValid("4539148803436467")).isTrue();
    assertThat(Luhn.checkDigit("7992739871")).isEqualTo(3);
    assertThat(Luhn.isValid("79927398710")).isFalse();
    assertThat(Luhn.isValid("4539148803436468")).isFalse();
  }

  @Test
  void everyPanStartsWithTheBinHasTheConfiguredLengthAndAValidCheckDigit() {
    PanGenerator generator = new PanGenerator("506099", 16, new Random(7));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      Pan pan = generator.next();
      assertThat(pan.reveal()).hasSize(16).startsWith("506099");
      assertThat(Luhn.isValid(pan.reveal())).isTrue();
      assertThat(pan.bin()).isEqualTo("506099");
      assertThat(pan.last4()).isEqualTo(pan.reveal().substring(12));
      seen.add(pan.reveal());
    }
    assertThat(seen).hasSizeGreaterThan(9_990);
  }

  @Test
  void printsOnlyBinAndLastFour() {
    Pan pan = new PanGenerator("50609912", 19, new Random(1)).next();

    assertThat(pan.toString()).isEqualTo(pan.bin() + "*******" + pan.last4());
    assertThat(pan.toString()).doesNotContain(pan.reveal().substring(8, 15));
  }

  @Test
  void refusesBinsAndLengthsThatCannotMakeAPan() {
    assertThatThrownBy(() -> new PanGenerator("50609", 16, new Random())).hasMessageContaining("6 to 8 digits");
    assertThatThrownBy(() -> new PanGenerator("5060AA", 16, new Random())).hasMessageContaining("6 to 8 digits");
    assertThatThrownBy(() -> new PanGenerator("50609912", 13, new Random())).hasMessageContaining("cannot hold");
    assertThatThrownBy(() -> new PanGenerator("50609912", 15, new Random())).hasMessageContaining("PCI DSS");
    assertThat(new PanGenerator("506099", 15, new Random(3)).next().reveal()).hasSize(15);
    assertThatThrownBy(() -> Pan.of("4539148803436468", 6)).hasMessage("Not a valid PAN");
  }
}
