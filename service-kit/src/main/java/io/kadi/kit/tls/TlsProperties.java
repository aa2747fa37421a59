package io.kadi.kit.tls;

import org.springframework.util.StringUtils;

/**
 * Where a service's TLS certificate and key are: {@code kadi.tls.*}, bound by {@link ApiTls} before the application
 * context starts (which is why this is not a registered {@code @ConfigurationProperties} bean). Both are PEM files;
 * Spring's relaxed binding reads them from {@code KADI_TLS_CERTIFICATE} and {@code KADI_TLS_PRIVATE_KEY}.
 *
 * @param certificate the certificate chain, leaf first; default none, and then the API is plain HTTP (TLS terminated
 *     in front of the service)
 * @param privateKey the certificate's private key, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA or SEC 1
 *     EC; default none, and required when {@code certificate} is set
 */
public record TlsProperties(String certificate, String privateKey) {

  public static final String PREFIX = "kadi.tls";

  boolean enabled() {
    return StringUtils.hasText(certificate);
  }

  /** Half a configuration is a mistake to stop at, not a reason to fall back to plain HTTP. */
  void requireComplete() {
    if (enabled() && !StringUtils.hasText(privateKey)) {
      throw new IllegalStateException("kadi.tls.certificate (KADI_TLS_CERTIFICATE) is set but kadi.tls.private-key "
          + "(KADI_TLS_PRIVATE_KEY) is not: serving the API over TLS needs both.");
    }
  }
}
