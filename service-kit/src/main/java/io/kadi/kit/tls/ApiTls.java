package io.kadi.kit.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Serves the API over HTTPS when {@code kadi.tls.certificate} is set, by adding {@code kadi-tls.properties}: the
 * Spring Boot SSL bundle {@value #BUNDLE} made of the certificate and key, that bundle on the server port, TLS 1.3 and
 * 1.2 only, and ciphers with forward secrecy and authenticated encryption only. Without the certificate nothing is
 * added, and the service speaks plain HTTP behind a TLS-terminating load balancer.
 *
 * <p>Why a post-processor rather than the properties alone: Spring Boot turns server TLS on by the presence of
 * {@code server.ssl.bundle} (or a key store), and has no condition a properties file could put on it. Set for every
 * service with an empty placeholder, the bundle would fail to load wherever TLS is off. Deciding here, before the
 * context starts, keeps every setting a plain Spring Boot property, and, added last, below each service's own
 * configuration, which can override any of them.
 */
public class ApiTls implements EnvironmentPostProcessor {

  /** The name of the SSL bundle the API is served with (properties {@code spring.ssl.bundle.pem.kadi-api.*}). */
  public static final String BUNDLE = "kadi-api";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    TlsProperties tls = Binder.get(environment).bind(TlsProperties.PREFIX, TlsProperties.class)
        .orElseGet(() -> new TlsProperties(null, null));
    if (!tls.enabled()) {
      return;
    }
    tls.requireComplete();
    try {
      new PropertiesPropertySourceLoader()
          .load("kadi-tls", new ClassPathResource("kadi-tls.properties"))
          .forEach(environment.getPropertySources()::addLast);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
