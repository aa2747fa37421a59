package io.kadi.kit.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.testapp.KitIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KitIntegrationTest
class KitMigrationsIT {

  @Autowired JdbcClient jdbc;

  @Test
  void theKitsTablesLiveInTheServicesSchemaWithTheirOwnHistory() {
    assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = 'kit_test' order by 1")
        .query(String.class).list())
        .containsExactly("api_nonces", "flyway_schema_history", "idempotency_keys", "inbox", KitMigrations.HISTORY_TABLE,
            "notes", "outbox", "outbox_parked", "rate_limit_buckets", "step_ups");
    assertThat(jdbc.sql("select script from kit_test.kit_schema_history where success and type = 'SQL' order by installed_rank").query(String.class).list())
        .containsExactly("V1__outbox_and_inbox.sql", "V2__inbox_purge_index.sql", "V3__outbox_parked.sql",
            "V4__rate_limit_buckets.sql", "V5__idempotency_keys.sql", "V6__api_nonces.sql", "V7__step_ups.sql");
    assertThat(jdbc.sql("select script from kit_test.flyway_schema_history where success and type = 'SQL' order by installed_rank").query(String.class).list())
        .containsExactly("V1__notes.sql");
  }
}
