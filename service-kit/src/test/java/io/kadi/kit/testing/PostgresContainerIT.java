package io.kadi.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.db.KitMigrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Where Docker is available, the kit's migrations also run on the PostgreSQL version docker-compose.yml deploys. */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerIT {

  @Test
  void kitMigrationsRunOnTheDeployedPostgresVersion() {
    TestDatabase.Server server = TestDatabase.Server.container();

    var result = Flyway.configure()
        .dataSource(server.adminUrl(), server.username(), server.password())
        .schemas("kit_container")
        .locations(KitMigrations.LOCATION)
        .table(KitMigrations.HISTORY_TABLE)
        .load()
        .migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isEqualTo(1);
  }
}
