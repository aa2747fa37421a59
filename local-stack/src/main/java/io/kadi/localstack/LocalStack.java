package io.kadi.localstack;

import io.kadi.audit.AuditServiceApplication;
import io.kadi.card.CardServiceApplication;
import io.kadi.kit.KadiApplication;
import io.kadi.limits.LimitsServiceApplication;
import io.kadi.risk.RiskServiceApplication;
import io.kadi.schemas.registry.InMemorySchemaRegistry;
import io.kadi.schemas.registry.SchemaRegistryHttpServer;
import io.kadi.schemas.topics.KadiTopic;
import io.kadi.schemas.topics.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.utils.Exit;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Runs the whole of Kadi in one JVM for development: a real single-node KRaft broker, the in-memory schema
 * registry (also served over the Confluent REST API, for kcat and friends), and the four services against one
 * PostgreSQL database, one schema each. Kafka's data lives as long as the process; PostgreSQL's stays.
 *
 * <p>Configured from the environment: {@code DATABASE_URL} (default {@value PostgresUrl#DEFAULT}),
 * {@code KADI_HOME} (default {@code .kadi}, where the generated local secrets are kept), {@code KADI_CREDENTIALS}
 * (default {@code $KADI_HOME/credentials}, where card-service writes the bootstrapped sandbox operator's key) and
 * {@code KADI_TLS} ({@code 1}: the services speak HTTPS only, with the development certificate of {@link LocalTls}).
 */
public final class LocalStack implements AutoCloseable {

  static final int KAFKA_PORT = 9092;
  static final int REGISTRY_PORT = 8085;
  static final String REGISTRY_SCOPE = "kadi-local";
  static final Map<Class<?>, String> SERVICES = servicesInStartOrder();

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final PostgresUrl database;
  /** The development certificate the services serve, or null: plain HTTP. */
  private final Path certificate;
  private EmbeddedKafkaKraftBroker broker;
  private SchemaRegistryHttpServer registry;

  private LocalStack(PostgresUrl database, Path certificate) {
    this.database = database;
    this.certificate = certificate;
  }

  public static void main(String[] args) {
    LocalStack stack;
    try {
      stack = start(PostgresUrl.parse(System.getenv("DATABASE_URL")),
          Path.of(System.getenv().getOrDefault("KADI_HOME", ".kadi")), LocalCredentials.file(System.getenv()),
          LocalTls.requested(System.getenv()));
    } catch (RuntimeException e) {
      System.err.println("\nKadi local stack could not start: " + rootMessage(e));
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.close();
      System.out.println("Kadi local stack stopped.");
    }, "kadi-local-stack-stop"));
    System.out.println(stack.describe());
  }

  /** Starts everything, or, when any part fails, stops what had started and throws. */
  static LocalStack start(PostgresUrl database, Path home, Path credentials, boolean tls) {
    database.ensureDatabaseExists();
    Map<String, Object> secrets = LocalSecrets.loadOrCreate(home);
    // The kit serves HTTPS only, TLS 1.2 and up, to a service given a certificate (io.kadi.kit.tls.ApiTls).
    Map<String, Object> tlsSettings = tls ? LocalTls.loadOrCreate(home) : Map.of();
    LocalStack stack = new LocalStack(database, tls ? LocalTls.certificate(home) : null);
    try {
      stack.startBroker();
      stack.startRegistry();
      SERVICES.forEach((application, name) -> {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of(
            "spring.datasource.url", database.jdbcUrl(),
            "spring.datasource.username", database.user(),
            "spring.datasource.password", database.password(),
            "spring.kafka.bootstrap-servers", "localhost:" + KAFKA_PORT,
            "spring.kafka.properties.schema.registry.url", "mock://" + REGISTRY_SCOPE,
            // One log for four services: the logger names tell them apart, a shared application name would not.
            "logging.include-application-name", "false"));
        settings.putAll(tlsSettings);
        if (application == CardServiceApplication.class) {
          settings.putAll(secrets);
          settings.put("kadi.iam.bootstrap.credentials-file", credentials.toAbsolutePath());
        } else {
          secrets.forEach((setting, value) -> {
            if (setting.startsWith(LocalSecrets.API_SECURITY)) {
              settings.put(setting, value);
            }
          });
        }
        stack.started.push(KadiApplication.builder(application, name).registerShutdownHook(false).run(arguments(settings)));
      });
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startBroker() {
    requireFree(KAFKA_PORT, "Kafka");
    // Kafka's test kit deletes the broker's directories from JVM shutdown hooks of its own, which would run while
    // the broker still writes to them. Keep those hooks, and run them once the broker has stopped.
    List<Runnable> brokerCleanups = new CopyOnWriteArrayList<>();
    Exit.setShutdownHookAdder((name, hook) -> brokerCleanups.add(hook));
    started.push(() -> brokerCleanups.forEach(Runnable::run));
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    // The test kit binds its own two listeners to random ports; LOCAL is the well-known one, for services and tools.
    broker.brokerProperties(Map.of(
        "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,LOCAL://localhost:" + KAFKA_PORT,
        "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,LOCAL:PLAINTEXT",
        "group.initial.rebalance.delay.ms", "0",
        "auto.create.topics.enable", "false"));
    started.push(broker::destroy);
    broker.afterPropertiesSet();
  }

  private void startRegistry() {
    requireFree(REGISTRY_PORT, "the schema registry");
    InMemorySchemaRegistry schemas = InMemorySchemaRegistry.scope(REGISTRY_SCOPE);
    started.push(() -> InMemorySchemaRegistry.dropScope(REGISTRY_SCOPE));
    registerCatalogue(schemas);
    registry = SchemaRegistryHttpServer.start(schemas, REGISTRY_PORT);
    started.push(registry);
  }

  /** A clear word when a port is taken (often: a stack already running), before anything half-starts. */
  private static void requireFree(int port, String what) {
    try (ServerSocket socket = new ServerSocket()) { // bound as the servers bind, with SO_REUSEADDR
      socket.bind(new InetSocketAddress(port));
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + ", needed for " + what + ", is in use. Is a Kadi stack already running?");
    }
  }

  /**
   * Settings as command-line arguments: they outrank every configuration file, the kit's defaults included, where
   * {@code SpringApplicationBuilder.properties} would rank below them.
   */
  private static String[] arguments(Map<String, Object> settings) {
    return settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new);
  }

  /**
   * Registers every catalogue schema in a fixed order before any service starts, so that schema ids are the same
   * on every start: records that sat in an outbox across a restart still decode.
   */
  private static void registerCatalogue(InMemorySchemaRegistry schemas) {
    for (KadiTopic topic : Topics.ALL) {
      topic.valueSchemas().forEach(schema -> schemas.register(topic.subjectFor(schema), schema));
    }
  }

  String describe() {
    StringBuilder text = new StringBuilder("\nKadi local stack is up. Every REST call is signed: ./kadi api signs with the\n"
        + "sandbox operator's key in .kadi/credentials (try: ./kadi api GET /v1/api_clients).\n\n");
    if (certificate != null) {
      text.append(("The services speak HTTPS only (TLS 1.3 and 1.2) with a self-signed development certificate, which\n"
          + "KADI_TLS=1 ./kadi api trusts. So can curl: curl --cacert %s https://localhost:8081/actuator/health\n\n")
          .formatted(certificate));
    }
    started.stream().filter(ConfigurableApplicationContext.class::isInstance).map(ConfigurableApplicationContext.class::cast)
        .toList().reversed().forEach(service -> text.append("  %-16s %s://localhost:%d%n".formatted(
        service.getEnvironment().getProperty("spring.application.name"), certificate != null ? "https" : "http",
        ((WebServerApplicationContext) service).getWebServer().getPort())));
    text.append("  %-16s localhost:%d (in-process KRaft broker; its data lasts until the stack stops)%n".formatted("Kafka", KAFKA_PORT))
        .append("  %-16s %s (in memory, Confluent REST API)%n".formatted("Schema registry", registry.url()))
        .append("  %-16s %s (schemas card, limits, risk, audit)%n%nTopics:%n".formatted("PostgreSQL", database));
    for (KadiTopic topic : Topics.ALL) {
      text.append("  %-24s key: %s%n  %-24s %s%n".formatted(topic.name(), topic.keyedBy(), "",
          topic.valueTypes().stream().map(Class::getSimpleName).collect(Collectors.joining(", "))));
    }
    return text.append("\nTry the examples in README.md. Press Ctrl-C to stop.\n").toString();
  }

  /** Stops everything that started, newest first: the services, then the registry, then the broker. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("While stopping the local stack: " + rootMessage(e));
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e || root.getMessage() == null ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
  }

  private static Map<Class<?>, String> servicesInStartOrder() {
    Map<Class<?>, String> services = new LinkedHashMap<>();
    services.put(CardServiceApplication.class, CardServiceApplication.NAME);
    services.put(LimitsServiceApplication.class, LimitsServiceApplication.NAME);
    services.put(RiskServiceApplication.class, RiskServiceApplication.NAME);
    services.put(AuditServiceApplication.class, AuditServiceApplication.NAME);
    return services;
  }
}
