package io.kadi.kit.db;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the kit's tables (outbox, inbox) into the service's schema, then the service's own migrations. The kit
 * keeps its own history table, so its versions never collide with a service's. Each history starts with a baseline
 * at version 0 when it finds the other's tables already in the schema; its own migrations start at 1.
 */
public final class KitMigrations implements FlywayMigrationStrategy {

  public static final String LOCATION = "classpath:db/kit";
  public static final String HISTORY_TABLE = "kit_schema_history";

  @Override
  public void migrate(Flyway service) {
    sharingTheSchema(service).locations(LOCATION).table(HISTORY_TABLE).load().migrate();
    sharingTheSchema(service).load().migrate();
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration sharingTheSchema(Flyway service) {
    return Flyway.configure().configuration(service.getConfiguration()).baselineOnMigrate(true).baselineVersion("0");
  }
}
