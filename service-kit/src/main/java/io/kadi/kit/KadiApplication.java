package io.kadi.kit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Kadi service. Each service reads its configuration from {@code <name>.yml} rather than
 * {@code application.yml}, so that all of them can run in one JVM (the local stack) without reading each other's.
 */
public final class KadiApplication {

  private KadiApplication() {}

  public static SpringApplicationBuilder builder(Class<?> application, String name) {
    return new SpringApplicationBuilder(application)
        .main(application)
        .properties("spring.config.name=" + name, "spring.application.name=" + name);
  }

  public static ConfigurableApplicationContext run(Class<?> application, String name, String... args) {
    return builder(application, name).run(args);
  }
}
