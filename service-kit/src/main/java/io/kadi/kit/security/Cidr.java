package io.kadi.kit.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 196.201.214.0/24}, {@code 2c0f:fe38::/32}); a bare address is a
 * network of one. Written here because the JDK has no CIDR type and the one check it needs is a few lines; it parses
 * literals only, never resolving a host name.
 */
public record Cidr(byte[] network, int prefixLength) {

  /** A dotted quad, or something with a colon made of hex digits, colons and dots: never a host name. */
  private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F.]*:[0-9a-fA-F:.]*");

  public static Cidr parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException("not an IP address or CIDR: " + text);
    }
    byte[] address = literal(parts[0], text);
    int maxLength = address.length * 8;
    int prefix;
    try {
      prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : maxLength;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IP address or CIDR: " + text);
    }
    if (prefix < 0 || prefix > maxLength) {
      throw new IllegalArgumentException("prefix length out of range in " + text);
    }
    return new Cidr(mask(address, prefix), prefix);
  }

  /** Whether the address (an IPv4 address, an IPv6 one, or an IPv4-mapped IPv6 one) is in this network. */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    return java.util.Arrays.equals(mask(bytes, prefixLength), network);
  }

  /** The address as a literal, for the access log and problems. */
  public static InetAddress address(String literal) {
    if (!LITERAL.matcher(literal).matches()) {
      throw new IllegalArgumentException("not an IP address: " + literal);
    }
    try {
      return InetAddress.getByAddress(literal(literal, literal));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal);
    }
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr && cidr.prefixLength == prefixLength && java.util.Arrays.equals(cidr.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(network) + prefixLength;
  }

  private static byte[] literal(String literal, String text) {
    try {
      // Only LITERAL text reaches here, so this parses a literal and never looks a name up.
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address or CIDR: " + text);
    }
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] masked = address.clone();
    for (int i = 0; i < masked.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] &= (byte) (0xFF << (8 - bits));
    }
    return masked;
  }
}
