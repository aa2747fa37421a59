package io.kadi.kit.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How every service authenticates API requests (docs/api-security.md).
 *
 * @param secrets the keys API secrets are encrypted with, the same on every service; no default, since a key that
 *     ships with the code is no key
 * @param clockSkew how far a request's timestamp may be from the server's clock, either way (300 s)
 * @param keyCacheTtl how long an instance caches a key it read; a revocation reaches every other instance within it (5 s)
 * @param trustedProxies addresses or CIDRs of the load balancers and proxies whose {@code X-Forwarded-For} is believed
 *     (none: the peer address is the caller's)
 * @param maxBodySize the largest request body accepted (1 MB); larger ones are refused before they are read whole
 * @param nonceSweepInterval how often expired nonces are deleted (1 min)
 * @param stepUpWindow how long an accepted TOTP code lets its key do privileged operations without another (5 min;
 *     zero asks for a code on every privileged request)
 */
@ConfigurationProperties("kadi.api.security")
public record ApiSecurityProperties(
    Secrets secrets,
    @DefaultValue("300s") Duration clockSkew,
    @DefaultValue("5s") Duration keyCacheTtl,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("1m") Duration nonceSweepInterval,
    @DefaultValue("5m") Duration stepUpWindow) {

  /**
   * @param keys AES-256 keys by version, base64 ({@code openssl rand -base64 32})
   * @param activeKeyVersion the version new secrets are encrypted with
   */
  public record Secrets(Map<Integer, String> keys, Integer activeKeyVersion) {}

  public SecretCipher cipher() {
    return new SecretCipher("kadi.api.security.secrets", secrets == null ? null : secrets.keys(),
        secrets == null ? null : secrets.activeKeyVersion());
  }

  public List<Cidr> trustedProxyNetworks() {
    return trustedProxies.stream().map(Cidr::parse).toList();
  }
}
