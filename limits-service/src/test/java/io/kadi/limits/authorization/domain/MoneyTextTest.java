package io.kadi.limits.authorization.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTextTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      5000000 | NGN | NGN 50000.00
      5       | KES | KES 0.05
      50000   | UGX | UGX 50000
      1500    | XOF | XOF 1500
      1234    | TZS | TZS 12.34
      500     | JPY | JPY 500
      1234    | BHD | BHD 1.234
      500     | XYZ | 500 minor units of XYZ""")
  void showsMajorUnitsWithTheCurrencysOwnExponent(long minorUnits, String currency, String text) {
    assertThat(MoneyText.of(minorUnits, currency)).isEqualTo(text);
  }
}
