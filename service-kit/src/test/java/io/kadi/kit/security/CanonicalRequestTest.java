package io.kadi.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The worked example of docs/api-security.md#signing: an integrator checks their own code against these values. */
class CanonicalRequestTest {

  static final String KEY_ID = "ksk_test_00112233445566778899aabbccddeeff";
  static final String SECRET = "kss_test_example-secret-do-not-use";
  static final String BODY = "{\"amount\": 500000, \"currency\": \"NGN\", \"reference\": \"payout-2291\"}";

  private final CanonicalRequest example = CanonicalRequest.of("POST",
      "/v1/cards/0193a5b2-7c1e-7d2a-9f00-5e8c2b1a4d10/fundings", "b=2&a=1", 1764165600L,
      "b1946ac92492d2347c6235b4d2611184", KEY_ID, BODY.getBytes(StandardCharsets.UTF_8));

  @Test
  void theCanonicalTextIsTheSignedPartsOneALine() {
    assertThat(example.text()).isEqualTo("""
        KADI1-HMAC-SHA256
        POST
        /v1/cards/0193a5b2-7c1e-7d2a-9f00-5e8c2b1a4d10/fundings
        a=1&b=2
        1764165600
        b1946ac92492d2347c6235b4d2611184
        ksk_test_00112233445566778899aabbccddeeff
        """ + CanonicalRequest.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8)));
  }

  /** The value docs/api-security.md shows, computed there with openssl: the same text signs the same on both. */
  @Test
  void theSignatureIsTheHexHmacOfTheTextUnderTheSecret() {
    String signature = example.signatureHex(SECRET.getBytes(StandardCharsets.UTF_8));

    assertThat(signature).isEqualTo("78cc4be2bbd180af22e7fdf6a578306eb4d2f05950991047048adf1493eef539");
    assertThat(example.isSignedBy(SECRET.getBytes(StandardCharsets.UTF_8), signature)).isTrue();
    assertThat(example.isSignedBy("kss_test_another".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    assertThat(example.isSignedBy(SECRET.getBytes(StandardCharsets.UTF_8), "not hex")).isFalse();
    assertThat(example.isSignedBy(SECRET.getBytes(StandardCharsets.UTF_8), signature.substring(2))).isFalse();
  }

  @Test
  void noBodyHashesAsTheEmptyString() {
    assertThat(CanonicalRequest.sha256Hex(null))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        .isEqualTo(CanonicalRequest.sha256Hex(new byte[0]));
  }

  @Test
  void queryPairsAreSortedByNameAsSentWithoutDecodingAndARepeatedNameKeepsItsOrder() {
    assertThat(CanonicalRequest.sortedQuery("limit=10&after=a%2Fb&after=a%2Aa")).isEqualTo("after=a%2Fb&after=a%2Aa&limit=10");
    assertThat(CanonicalRequest.sortedQuery("a=2&b=1&a=1")).isEqualTo("a=2&a=1&b=1");
    assertThat(CanonicalRequest.sortedQuery(null)).isEmpty();
  }
}
