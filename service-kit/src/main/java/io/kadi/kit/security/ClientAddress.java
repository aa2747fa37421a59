package io.kadi.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.List;

/**
 * The address a request came from. The peer address, unless the peer is one of the configured trusted proxies: then
 * {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first address no trusted proxy
 * stands for is the caller's. Entries to its left could be forged by the caller, so they are never believed.
 */
public final class ClientAddress {

  private final List<Cidr> trustedProxies;

  public ClientAddress(List<Cidr> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  public InetAddress of(HttpServletRequest request) {
    InetAddress address = Cidr.address(withoutZone(request.getRemoteAddr()));
    if (!trusted(address)) {
      return address;
    }
    List<String> forwarded = request.getHeaders("X-Forwarded-For") == null ? List.of()
        : java.util.Collections.list(request.getHeaders("X-Forwarded-For")).stream()
            .flatMap(header -> java.util.Arrays.stream(header.split(",")))
            .map(String::trim)
            .filter(entry -> !entry.isEmpty())
            .toList();
    for (int i = forwarded.size() - 1; i >= 0; i--) {
      InetAddress hop;
      try {
        hop = Cidr.address(withoutZone(forwarded.get(i)));
      } catch (IllegalArgumentException e) {
        return address; // a malformed entry a trusted proxy would not have written: trust nothing past it
      }
      if (!trusted(hop)) {
        return hop;
      }
      address = hop;
    }
    return address;
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(proxy -> proxy.contains(address));
  }

  private static String withoutZone(String literal) {
    int zone = literal.indexOf('%');
    String bare = zone < 0 ? literal : literal.substring(0, zone);
    return bare.startsWith("[") && bare.endsWith("]") ? bare.substring(1, bare.length() - 1) : bare;
  }
}
