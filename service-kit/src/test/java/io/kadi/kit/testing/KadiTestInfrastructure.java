package io.kadi.kit.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at this JVM's database, broker and in-memory schema registry. Use it with
 * {@code @ContextConfiguration(initializers = KadiTestInfrastructure.class)} next to {@code @SpringBootTest}.
 */
public class KadiTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The in-memory registry scope every test of the JVM shares, so that all serdes agree on schema ids. */
  public static final String SCHEMA_REGISTRY_URL = "mock://kadi-test";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestDatabase database = TestDatabase.get();
    TestApiClients.migrateIam();
    TestPropertyValues.of(
            "spring.datasource.url=" + database.jdbcUrl(),
            "spring.datasource.username=" + database.username(),
            "spring.datasource.password=" + database.password(),
            "spring.kafka.bootstrap-servers=" + TestBroker.bootstrapServers(),
            "spring.kafka.properties.schema.registry.url=" + SCHEMA_REGISTRY_URL,
            "kadi.api.security.secrets.keys.1=" + TestApiClients.SECRET_KEY,
            "kadi.api.security.secrets.active-key-version=1")
        .applyTo(context);
    Teardown.closeOnExit(context);
  }
}
