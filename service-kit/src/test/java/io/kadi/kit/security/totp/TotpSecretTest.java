package io.kadi.kit.security.totp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TotpSecretTest {

  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(US_ASCII);

  @Test
  void generatesTwentyFreshRandomBytes() {
    assertThat(TotpSecret.generate().bytes()).hasSize(20);
    assertThat(TotpSecret.generate().bytes()).isNotEqualTo(TotpSecret.generate().bytes());
  }

  @Test
  void encodesAsRfc4648Base32WithoutPadding() {
    assertThat(TotpSecret.of(RFC_KEY).base32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(TotpSecret.generate().base32()).matches("[A-Z2-7]{32}");
  }

  @Test
  void neverShowsTheSecretInItsToString() {
    TotpSecret secret = TotpSecret.of(RFC_KEY);

    assertThat(secret.toString()).doesNotContain(secret.base32()).doesNotContain("1234567890").isEqualTo("TotpSecret[redacted]");
  }

  @Test
  void isNotChangedByChangesToTheArraysItWasGivenOrGave() {
    byte[] given = RFC_KEY.clone();
    TotpSecret secret = TotpSecret.of(given);
    given[0] = 0;
    secret.bytes()[1] = 0;

    assertThat(secret.bytes()).isEqualTo(RFC_KEY);
  }

  @Test
  void refusesAKeyThatIsNotTwentyBytes() {
    assertThatThrownBy(() -> TotpSecret.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TotpSecret.of(new byte[21])).isInstanceOf(IllegalArgumentException.class);
  }
}
