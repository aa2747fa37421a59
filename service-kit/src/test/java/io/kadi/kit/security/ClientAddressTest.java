package io.kadi.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

  private final ClientAddress behindProxies = new ClientAddress(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")));

  @Test
  void withoutATrustedProxyThePeerIsTheCallerWhateverItForwards() {
    MockHttpServletRequest request = request("196.201.214.7", "41.90.1.1");

    assertThat(new ClientAddress(List.of()).of(request).getHostAddress()).isEqualTo("196.201.214.7");
    assertThat(behindProxies.of(request).getHostAddress()).isEqualTo("196.201.214.7");
  }

  @Test
  void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheCaller() {
    MockHttpServletRequest request = request("10.0.0.5", "1.2.3.4, 41.90.1.1, 10.0.0.9");

    assertThat(behindProxies.of(request).getHostAddress()).isEqualTo("41.90.1.1");
  }

  @Test
  void severalForwardedHeadersReadAsOneList() {
    MockHttpServletRequest request = request("10.0.0.5", "1.2.3.4");
    request.addHeader("X-Forwarded-For", "41.90.1.1");

    assertThat(behindProxies.of(request).getHostAddress()).isEqualTo("41.90.1.1");
  }

  @Test
  void aMalformedHopEndsTheTrustAtTheLastGoodOne() {
    MockHttpServletRequest request = request("10.0.0.5", "41.90.1.1, evil.example, 10.0.0.9");

    assertThat(behindProxies.of(request).getHostAddress()).isEqualTo("10.0.0.9");
  }

  @Test
  void onlyTrustedProxiesAllTheWayIsTheLeftmostProxy() {
    assertThat(behindProxies.of(request("10.0.0.5", "10.0.0.7")).getHostAddress()).isEqualTo("10.0.0.7");
    assertThat(behindProxies.of(request("10.0.0.5", null)).getHostAddress()).isEqualTo("10.0.0.5");
  }

  @Test
  void ipv6PeersAndHopsWork() {
    assertThat(behindProxies.of(request("fd00::1", "2c0f:fe38::7")).getHostAddress()).isEqualTo("2c0f:fe38:0:0:0:0:0:7");
  }

  private static MockHttpServletRequest request(String peer, String forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/cards");
    request.setRemoteAddr(peer);
    if (forwardedFor != null) {
      request.addHeader("X-Forwarded-For", forwardedFor);
    }
    return request;
  }
}
