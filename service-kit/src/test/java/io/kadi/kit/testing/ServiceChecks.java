package io.kadi.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every Kadi service must show once it has started. */
public final class ServiceChecks {

  private ServiceChecks() {}

  /**
   * The service reports UP, and its schema is its own (the schema comment names it) and holds the kit's tables,
   * both migration histories, and the service's own tables.
   */
  public static void assertHealthyInItsOwnSchema(int port, JdbcClient jdbc, String schema, String service, String... ownTables) {
    Http.Response health = new Http(port).get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text("status")).isEqualTo("UP");
    assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = ?").param(schema)
        .query(String.class).list())
        .containsExactlyInAnyOrderElementsOf(concat(List.of("outbox", "outbox_parked", "inbox", "rate_limit_buckets", "idempotency_keys", "api_nonces", "step_ups",
            "flyway_schema_history", "kit_schema_history"), ownTables));
    assertThat(jdbc.sql("select obj_description(?::regnamespace)").param(schema).query(String.class).single()).contains(service);
  }

  private static List<String> concat(List<String> kit, String... own) {
    return Stream.concat(kit.stream(), Arrays.stream(own)).toList();
  }
}
