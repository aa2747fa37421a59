package io.kadi.kit.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

  private static final byte[] BODY = "{\"amount\":100}".getBytes(UTF_8);

  @Test
  void theSameRequestHasTheSameFingerprint() {
    assertThat(RequestFingerprint.of("POST", "/v1/cards", "x=1", BODY))
        .isEqualTo(RequestFingerprint.of("POST", "/v1/cards", "x=1", "{\"amount\":100}".getBytes(UTF_8)));
  }

  @Test
  void differsByMethodPathQueryOrBody() {
    RequestFingerprint request = RequestFingerprint.of("POST", "/v1/cards", "x=1", BODY);

    assertThat(RequestFingerprint.of("PUT", "/v1/cards", "x=1", BODY)).isNotEqualTo(request);
    assertThat(RequestFingerprint.of("POST", "/v1/cardholders", "x=1", BODY)).isNotEqualTo(request);
    assertThat(RequestFingerprint.of("POST", "/v1/cards", "x=2", BODY)).isNotEqualTo(request);
    assertThat(RequestFingerprint.of("POST", "/v1/cards", null, BODY)).isNotEqualTo(request);
    assertThat(RequestFingerprint.of("POST", "/v1/cards", "x=1", "{\"amount\":101}".getBytes(UTF_8))).isNotEqualTo(request);
  }

  @Test
  void keepsTheQueryWithThePathAndOnlyTheSha256OfTheBody() {
    assertThat(RequestFingerprint.of("POST", "/v1/cards", "x=1", new byte[0]))
        .isEqualTo(new RequestFingerprint("POST", "/v1/cards?x=1",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    assertThat(RequestFingerprint.of("POST", "/v1/cards", null, "abc".getBytes(UTF_8)).bodySha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
