package io.kadi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.card.vault.crypto.PanVault;
import io.kadi.kit.security.ApiSecurityProperties;
import io.kadi.card.vault.crypto.PanVaultProperties;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here, so this reads it: each service's environment is bound with Spring's own
 * relaxed binding over the service's own configuration, and must reach the containers compose defines.
 */
class DockerComposeIsConsistentTest {

  private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(:[-?])([^}]*)}");

  private final Map<String, Map<String, Object>> services = services();
  private final Map<String, String> shell = new HashMap<>();

  @ParameterizedTest
  @ValueSource(strings = {"card-service", "limits-service", "risk-service", "audit-service"})
  void eachServiceIsBuiltFromItsDockerfileAndReachesKafkaTheRegistryAndPostgres(String name) throws IOException {
    Map<String, Object> service = services.get(name);
    Binder binder = binder(name);
    int port = binder.bind("server.port", Integer.class).get();

    assertThat(service.get("build")).isEqualTo("./" + name);
    assertThat(Files.readString(Path.of("..", name, "Dockerfile")))
        .contains("COPY target/" + name + "-*-exec.jar app.jar", "EXPOSE " + port);
    assertThat(list(service, "ports")).containsExactly(port + ":" + port);

    Map<String, Object> postgres = environment("postgres");
    assertThat(binder.bind("spring.datasource.url", String.class).get()).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
    assertThat(binder.bind("spring.datasource.username", String.class).get()).isEqualTo(postgres.get("POSTGRES_USER"));
    assertThat(binder.bind("spring.datasource.password", String.class).get()).isEqualTo(resolve(postgres.get("POSTGRES_PASSWORD")));
    assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").toString())
        .contains("PLAINTEXT://" + binder.bind("spring.kafka.bootstrap-servers", String.class).get());
    assertThat(binder.bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class)).get())
        .containsEntry("schema.registry.url", "http://schema-registry:8081");
    assertThat(environment("schema-registry")).containsEntry("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081");

    @SuppressWarnings("unchecked")
    Map<String, Map<String, String>> dependencies = (Map<String, Map<String, String>>) service.get("depends_on");
    assertThat(dependencies).containsOnlyKeys("kafka", "schema-registry", "postgres");
    dependencies.forEach((dependency, condition) -> {
      assertThat(condition).containsEntry("condition", "service_healthy");
      assertThat(services.get(dependency)).containsKey("healthcheck");
    });
  }

  @Test
  void cardServicesVaultKeysComeFromTheEnvironmentAndHaveNoDefault() {
    Map<String, Object> environment = environment("card-service");
    PanVaultProperties vault = binder("card-service").bind("kadi.card.pan-vault", PanVaultProperties.class).get();

    assertThat(vault.keys()).containsOnlyKeys(1);
    assertThat(vault.activeKeyVersion()).isEqualTo(1);
    assertThat(new PanVault(vault)).isNotNull();
    assertThat(environment.get("KADI_CARD_PANVAULT_KEYS_1").toString()).startsWith("${KADI_PAN_KEY:?");
    assertThat(environment.get("KADI_CARD_PANVAULT_FINGERPRINTKEY").toString()).startsWith("${KADI_PAN_FINGERPRINT_KEY:?");
    assertThat(environment("postgres").get("POSTGRES_PASSWORD").toString()).startsWith("${KADI_DB_PASSWORD:?");
  }

  @Test
  void everyServiceDecryptsApiSecretsWithTheSameKeyFromTheEnvironment() {
    for (String service : List.of("card-service", "limits-service", "risk-service", "audit-service")) {
      ApiSecurityProperties security = binder(service).bind("kadi.api.security", ApiSecurityProperties.class).get();
      assertThat(security.secrets().keys()).as(service).containsOnlyKeys(1);
      assertThat(security.secrets().activeKeyVersion()).as(service).isEqualTo(1);
      assertThat(security.cipher()).isNotNull();
      assertThat(environment(service).get("KADI_API_SECURITY_SECRETS_KEYS_1").toString()).startsWith("${KADI_API_SECRET_KEY:?");
    }
    assertThat(binder("card-service").bind("kadi.iam.bootstrap.credentials-file", String.class).get())
        .isEqualTo("/var/lib/kadi/credentials");
  }

  @Test
  void kafkaIsASingleKraftNodeWithAValidClusterIdAndNoTopicAutoCreation() {
    Map<String, Object> kafka = environment("kafka");

    assertThat(Uuid.fromString(kafka.get("CLUSTER_ID").toString())).isNotNull();
    assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller").containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:4.2.0");
  }

  @Test
  void theRegistryEnforcesWhatTheBuildChecks() {
    assertThat(environment("schema-registry")).containsEntry("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward_transitive");
  }

  /** The service's own configuration file, overridden by its compose environment, as in its container. */
  private Binder binder(String name) {
    StandardEnvironment spring = new StandardEnvironment();
    Map<String, Object> environment = new HashMap<>();
    environment(name).forEach((key, value) -> environment.put(key, resolve(value)));
    // Spring maps names such as KADI_CARD_PANVAULT_KEYS_1 only in the source named systemEnvironment: in the container,
    // the compose environment is exactly that.
    spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    try {
      new YamlPropertySourceLoader().load(name, new ClassPathResource(name + ".yml")).forEach(spring.getPropertySources()::addLast);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Binder.get(spring);
  }

  /** Compose's interpolation: ${X:-default} takes the default; ${X:?message} stands for a value the user exports. */
  private String resolve(Object value) {
    Matcher variable = VARIABLE.matcher(value.toString());
    StringBuilder resolved = new StringBuilder();
    while (variable.find()) {
      String replacement = variable.group(2).equals(":-") ? variable.group(3) : shell.computeIfAbsent(variable.group(1), name -> {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
      });
      variable.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    return variable.appendTail(resolved).toString();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> environment(String service) {
    return (Map<String, Object>) services.get(service).get("environment");
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Map<String, Object> service, String key) {
    return (List<String>) service.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() {
    try (Reader reader = Files.newBufferedReader(COMPOSE)) {
      Map<String, Object> compose = new Yaml().load(reader);
      return (Map<String, Map<String, Object>>) compose.get("services");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
