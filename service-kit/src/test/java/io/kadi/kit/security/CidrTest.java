package io.kadi.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  @Test
  void anIpv4NetworkHoldsItsAddressesAndNoOthers() {
    Cidr safaricom = Cidr.parse("196.201.214.0/24");

    assertThat(safaricom.contains(Cidr.address("196.201.214.0"))).isTrue();
    assertThat(safaricom.contains(Cidr.address("196.201.214.255"))).isTrue();
    assertThat(safaricom.contains(Cidr.address("196.201.215.0"))).isFalse();
    assertThat(safaricom.contains(Cidr.address("2c0f:fe38::1"))).isFalse();
  }

  @Test
  void anIpv6NetworkHoldsItsAddresses() {
    Cidr network = Cidr.parse("2c0f:fe38::/32");

    assertThat(network.contains(Cidr.address("2c0f:fe38:2405::1"))).isTrue();
    assertThat(network.contains(Cidr.address("2c0f:fe39::1"))).isFalse();
    assertThat(network.contains(Cidr.address("196.201.214.1"))).isFalse();
  }

  @Test
  void aBareAddressIsANetworkOfOneAndHostBitsAreMaskedOff() {
    assertThat(Cidr.parse("10.1.2.3").contains(Cidr.address("10.1.2.3"))).isTrue();
    assertThat(Cidr.parse("10.1.2.3").contains(Cidr.address("10.1.2.4"))).isFalse();
    assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
    assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
    assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.address("8.8.8.8"))).isTrue();
  }

  @Test
  void anIpv4MappedIpv6AddressIsItsIpv4Address() {
    assertThat(Cidr.parse("196.201.214.0/24").contains(Cidr.address("::ffff:196.201.214.9"))).isTrue();
  }

  /** Host names are refused without being looked up: an allowlist of names would follow whoever runs their DNS. */
  @ParameterizedTest
  @ValueSource(strings = {"example.com", "face", "10.0.0.0/33", "::/129", "10.0.0/8", "1.2.3.4/x", "1.2.3.4/8/8", "", "1.2.3"})
  void whatIsNotANetworkIsRefused(String text) {
    assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
