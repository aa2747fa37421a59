package io.kadi.kit.security.totp;

import static io.kadi.kit.security.totp.TotpVerifier.NO_STEP_ACCEPTED;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URI;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtpAuthUriTest {

  private static final TotpSecret RFC_SECRET = TotpSecret.of("12345678901234567890".getBytes(US_ASCII));

  @Test
  void writesTheKeyUriFormatWithEveryParameter() {
    assertThat(new OtpAuthUri("Kadi", "alice@example.com", RFC_SECRET).toUriString())
        .isEqualTo("otpauth://totp/Kadi:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Kadi&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void percentEncodesSpacesAsPercent20AndKeepsPlusSignsApartFromSpaces() {
    assertThat(new OtpAuthUri("Kadi Ops", "Zoë Smith+totp", RFC_SECRET).toUriString())
        .isEqualTo("otpauth://totp/Kadi%20Ops:Zo%C3%AB%20Smith%2Btotp?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Kadi%20Ops&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void isAUriWhoseLabelDecodesBackToIssuerAndAccount() {
    URI uri = URI.create(new OtpAuthUri("Kadi Ops", "Zoë Smith+totp@example.com", RFC_SECRET).toUriString());

    assertThat(uri.getPath()).isEqualTo("/Kadi Ops:Zoë Smith+totp@example.com");
  }

  /** The format forbids colons in either part, because apps split the label at the first one, even encoded. */
  @ParameterizedTest
  @CsvSource({"Kadi:Ops, alice", "Kadi, ops:alice"})
  void refusesAColonInIssuerOrAccount(String issuer, String account) {
    assertThatThrownBy(() -> new OtpAuthUri(issuer, account, RFC_SECRET)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesABlankIssuerOrAccount() {
    assertThatThrownBy(() -> new OtpAuthUri(" ", "alice", RFC_SECRET)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OtpAuthUri("Kadi", "", RFC_SECRET)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverShowsTheSecretInItsToString() {
    assertThat(new OtpAuthUri("Kadi", "alice", RFC_SECRET).toString()).doesNotContain(RFC_SECRET.base32());
  }

  @Test
  void anAppThatScansTheUriMakesCodesTheVerifierAccepts() throws Exception {
    TotpSecret secret = TotpSecret.generate();
    URI uri = URI.create(new OtpAuthUri("Kadi", "alice", secret).toUriString());
    String base32 = uri.getQuery().replaceAll(".*secret=([^&]*).*", "$1");
    Instant now = Instant.parse("2026-03-01T12:00:00Z");

    // What an authenticator app does: decode the secret and run TOTP on its own clock.
    int appCode = new TimeBasedOneTimePasswordGenerator()
        .generateOneTimePassword(new SecretKeySpec(new Base32().decode(base32), "HmacSHA1"), now);

    assertThat(new TotpVerifier().verify(secret, "%06d".formatted(appCode), now, NO_STEP_ACCEPTED))
        .hasValue(now.getEpochSecond() / 30);
  }
}
