package io.kadi.kit.security.totp;

import static io.kadi.kit.security.totp.TotpVerifier.NO_STEP_ACCEPTED;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpVerifierTest {

  /** RFC 6238 Appendix B's SHA-1 key. */
  private static final TotpSecret RFC_SECRET = TotpSecret.of("12345678901234567890".getBytes(US_ASCII));

  // Two RFC vectors that fall in consecutive steps, so the drift window can be tested with published codes only.
  private static final String CODE_OF_STEP_37037036 = "081804"; // at 1111111109 s
  private static final String CODE_OF_STEP_37037037 = "050471"; // at 1111111111 s

  private final TotpVerifier verifier = new TotpVerifier();

  /** RFC 6238 Appendix B, SHA-1, with the last six of the published eight digits. */
  @ParameterizedTest
  @CsvSource({
    "59,          287082, 1",
    "1111111109,  081804, 37037036",
    "1111111111,  050471, 37037037",
    "1234567890,  005924, 41152263",
    "2000000000,  279037, 66666666",
    "20000000000, 353130, 666666666",
  })
  void acceptsTheRfcTestVectorsAndSaysWhichStepMatched(long epochSecond, String code, long step) {
    assertThat(verifier.verify(RFC_SECRET, code, Instant.ofEpochSecond(epochSecond), NO_STEP_ACCEPTED))
        .hasValue(step);
  }

  @Test
  void acceptsACodeOneStepEitherSideOfNow() {
    assertThat(verifier.verify(RFC_SECRET, CODE_OF_STEP_37037036, Instant.ofEpochSecond(1111111111), NO_STEP_ACCEPTED))
        .as("one step late").hasValue(37037036);
    assertThat(verifier.verify(RFC_SECRET, CODE_OF_STEP_37037037, Instant.ofEpochSecond(1111111109), NO_STEP_ACCEPTED))
        .as("one step early").hasValue(37037037);
  }

  @Test
  void refusesACodeTwoStepsFromNow() {
    assertThat(verifier.verify(RFC_SECRET, CODE_OF_STEP_37037036, Instant.ofEpochSecond(1111111109 + 60), NO_STEP_ACCEPTED))
        .as("two steps late").isEmpty();
    assertThat(verifier.verify(RFC_SECRET, CODE_OF_STEP_37037037, Instant.ofEpochSecond(1111111111 - 60), NO_STEP_ACCEPTED))
        .as("two steps early").isEmpty();
  }

  @Test
  void refusesACodeWhoseStepWasAlreadyAccepted() {
    Instant now = Instant.ofEpochSecond(1111111109);
    long accepted = verifier.verify(RFC_SECRET, CODE_OF_STEP_37037036, now, NO_STEP_ACCEPTED).orElseThrow();

    assertThat(verifier.verify(RFC_SECRET, CODE_OF_STEP_37037036, now, accepted)).isEmpty();
  }

  @Test
  void refusesAnOlderCodeAfterANewerOneButAcceptsTheNextStep() {
    Instant now = Instant.ofEpochSecond(1111111111);

    assertThat(verifier.verify(RFC_SECRET, CODE_OF_STEP_37037036, now, 37037037)).as("older").isEmpty();
    assertThat(verifier.verify(RFC_SECRET, CODE_OF_STEP_37037037, now, 37037036)).as("next").hasValue(37037037);
  }

  @Test
  void refusesAWrongCode() {
    assertThat(verifier.verify(RFC_SECRET, "287083", Instant.ofEpochSecond(59), NO_STEP_ACCEPTED)).isEmpty();
  }

  /** Each is the right code for 59 s (287082) in a form that is not exactly six ASCII digits. */
  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "28708", "2870820", "0287082", " 287082", "287082\n", "287 082", "+287082", "２８７０８２", "٢٨٧٠٨٢"})
  void refusesCodesThatAreNotExactlySixAsciiDigits(String code) {
    assertThat(verifier.verify(RFC_SECRET, code, Instant.ofEpochSecond(59), NO_STEP_ACCEPTED)).isEmpty();
  }
}
