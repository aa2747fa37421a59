package io.kadi.localstack;

import io.kadi.audit.AuditServiceApplication;
import io.kadi.card.CardServiceApplication;
import io.kadi.kit.KadiApplication;
import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.limits.LimitsServiceApplication;
import io.kadi.risk.RiskServiceApplication;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kadi's services for an end-to-end test, each in its own application context on this JVM's real broker and
 * database, on random ports. Settings given as arguments reach every service.
 */
public final class Services implements AutoCloseable {

  private final Deque<ConfigurableApplicationContext> running = new ArrayDeque<>();
  private ConfigurableApplicationContext card;
  private ConfigurableApplicationContext audit;

  private Services() {}

  /** All four services. */
  public static Services all(String... settings) {
    return start(true, settings);
  }

  /** Every service but risk-service: authorizations can only end in the stand-in decision. */
  public static Services withoutRisk(String... settings) {
    return start(false, settings);
  }

  private static Services start(boolean withRisk, String... settings) {
    Services services = new Services();
    try {
      services.card = services.run(CardServiceApplication.class, CardServiceApplication.NAME, settings,
          "--kadi.card.pan-vault.keys.1=" + randomKey(), "--kadi.card.pan-vault.active-key-version=1",
          "--kadi.card.pan-vault.fingerprint-key=" + randomKey());
      services.run(LimitsServiceApplication.class, LimitsServiceApplication.NAME, settings);
      if (withRisk) {
        services.run(RiskServiceApplication.class, RiskServiceApplication.NAME, settings);
      }
      services.audit = services.run(AuditServiceApplication.class, AuditServiceApplication.NAME, settings);
      return services;
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
  }

  /** Starts risk-service late, as after an outage: it catches up with what it missed. */
  public void startRisk(String... settings) {
    run(RiskServiceApplication.class, RiskServiceApplication.NAME, settings);
  }

  private ConfigurableApplicationContext run(Class<?> application, String name, String[] settings, String... own) {
    List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
    arguments.addAll(List.of(own));
    arguments.addAll(List.of(settings));
    ConfigurableApplicationContext context = KadiApplication.builder(application, name)
        .initializers(new KadiTestInfrastructure())
        .run(arguments.toArray(String[]::new));
    running.push(context);
    return context;
  }

  public int cardPort() {
    return port(card);
  }

  public Http audit() {
    return http(audit);
  }

  private static Http http(ConfigurableApplicationContext service) {
    return new Http(port(service));
  }

  private static int port(ConfigurableApplicationContext service) {
    return ((WebServerApplicationContext) service).getWebServer().getPort();
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @Override
  public void close() {
    while (!running.isEmpty()) {
      running.pop().close();
    }
  }
}
