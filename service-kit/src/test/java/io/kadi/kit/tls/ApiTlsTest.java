package io.kadi.kit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** What a service's environment turns into: TLS settings only when it names a certificate, and then all of them. */
class ApiTlsTest {

  private static final String BUNDLE = "spring.ssl.bundle.pem.kadi-api.";

  @Test
  void withoutACertificateNothingIsAddedAndTheApiStaysPlainHttp() {
    StandardEnvironment environment = processed(Map.of());

    assertThat(environment.getProperty("server.ssl.bundle")).isNull();
    assertThat(environment.getProperty(BUNDLE + "keystore.certificate")).isNull();
    assertThat(environment.getPropertySources().contains("kadi-tls")).isFalse();
  }

  @Test
  void anEmptyCertificateVariableCountsAsNone() {
    StandardEnvironment environment = processed(Map.of("KADI_TLS_CERTIFICATE", "", "KADI_TLS_PRIVATE_KEY", ""));

    assertThat(environment.getProperty("server.ssl.bundle")).isNull();
  }

  @Test
  void theEnvironmentVariablesPutTheirCertificateOnTheServerPortWithTls12AndUp() {
    StandardEnvironment environment = processed(Map.of(
        "KADI_TLS_CERTIFICATE", "/etc/kadi/tls/tls.crt", "KADI_TLS_PRIVATE_KEY", "/etc/kadi/tls/tls.key"));

    assertThat(environment.getProperty("server.ssl.bundle")).isEqualTo(ApiTls.BUNDLE);
    assertThat(environment.getProperty(BUNDLE + "keystore.certificate")).isEqualTo("/etc/kadi/tls/tls.crt");
    assertThat(environment.getProperty(BUNDLE + "keystore.private-key")).isEqualTo("/etc/kadi/tls/tls.key");
    assertThat(environment.getProperty(BUNDLE + "reload-on-update")).isEqualTo("true");
    assertThat(environment.getProperty(BUNDLE + "options.enabled-protocols")).isEqualTo("TLSv1.3,TLSv1.2");
    assertThat(environment.getProperty(BUNDLE + "options.ciphers").split(","))
        .containsExactly("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
  }

  @Test
  void theSpringStyleVariableForTheKeyWorksToo() {
    StandardEnvironment environment = processed(Map.of(
        "KADI_TLS_CERTIFICATE", "/etc/kadi/tls/tls.crt", "KADI_TLS_PRIVATEKEY", "/etc/kadi/tls/tls.key"));

    assertThat(environment.getProperty(BUNDLE + "keystore.private-key")).isEqualTo("/etc/kadi/tls/tls.key");
  }

  @Test
  void aCertificateWithoutItsKeyStopsTheServiceRatherThanFallingBackToPlainHttp() {
    assertThatThrownBy(() -> processed(Map.of("KADI_TLS_CERTIFICATE", "/etc/kadi/tls/tls.crt")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KADI_TLS_PRIVATE_KEY");
  }

  @Test
  void aServicesOwnConfigurationOverridesTheKitsTlsSettings() {
    StandardEnvironment environment = environment(Map.of(
        "KADI_TLS_CERTIFICATE", "/etc/kadi/tls/tls.crt", "KADI_TLS_PRIVATE_KEY", "/etc/kadi/tls/tls.key"));
    environment.getPropertySources().addFirst(new MapPropertySource("service.yml",
        Map.of(BUNDLE + "options.enabled-protocols", "TLSv1.3")));

    new ApiTls().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(BUNDLE + "options.enabled-protocols")).isEqualTo("TLSv1.3");
  }

  private static StandardEnvironment processed(Map<String, Object> variables) {
    StandardEnvironment environment = environment(variables);
    new ApiTls().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  /** An environment whose process environment is exactly these variables, read with relaxed names as Boot reads it. */
  private static StandardEnvironment environment(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    ConfigurationPropertySources.attach(environment);
    return environment;
  }
}
