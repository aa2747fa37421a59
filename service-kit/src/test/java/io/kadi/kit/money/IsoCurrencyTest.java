package io.kadi.kit.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IsoCurrencyTest {

  @ParameterizedTest
  @EnumSource(IsoCurrency.class)
  void exponentsAreIso4217s(IsoCurrency currency) {
    assertThat(currency.exponent()).isEqualTo(java.util.Currency.getInstance(currency.code()).getDefaultFractionDigits());
  }

  @Test
  void theMarketsWeServeAreSupportedWithTheirExponents() {
    assertThat(IsoCurrency.of("NGN")).hasValueSatisfying(c -> assertThat(c.exponent()).isEqualTo(2));
    assertThat(IsoCurrency.of("KES")).hasValueSatisfying(c -> assertThat(c.exponent()).isEqualTo(2));
    assertThat(IsoCurrency.of("UGX")).hasValueSatisfying(c -> assertThat(c.exponent()).isZero());
    assertThat(IsoCurrency.of("RWF")).hasValueSatisfying(c -> assertThat(c.exponent()).isZero());
    assertThat(IsoCurrency.of("XOF")).hasValueSatisfying(c -> assertThat(c.exponent()).isZero());
    assertThat(IsoCurrency.of("XAF")).hasValueSatisfying(c -> assertThat(c.exponent()).isZero());
    for (String code : new String[] {"GHS", "TZS", "ZAR", "EGP", "MAD", "USD", "EUR"}) {
      assertThat(IsoCurrency.of(code)).as(code).isPresent();
    }
  }

  @Test
  void tellsUnsupportedIsoCodesFromCodesThatAreNotIsoAtAll() {
    assertThat(IsoCurrency.of("JPY")).isEmpty();
    assertThat(IsoCurrency.isIsoCode("JPY")).isTrue();
    assertThat(IsoCurrency.of("XYZ")).isEmpty();
    assertThat(IsoCurrency.isIsoCode("XYZ")).isFalse();
    assertThat(IsoCurrency.of("ngn")).isEmpty();
    assertThat(IsoCurrency.of(null)).isEmpty();
  }

  @Test
  void moneyReadsInMajorUnitsWithTheCurrencysExponent() {
    assertThat(new Money(150_000, IsoCurrency.NGN)).hasToString("NGN 1500.00");
    assertThat(new Money(150_000, IsoCurrency.UGX)).hasToString("UGX 150000");
    assertThat(new Money(5, IsoCurrency.KES).toMajorUnits()).isEqualByComparingTo("0.05");
    assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
  }
}
