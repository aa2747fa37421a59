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
  public static final String IAM_SCHEMA = "iam";
  public static final String IAM_LOCATION = "classpath:db/iam";

  private final boolean ownsIam;

  public KitMigrations() {
    this(false);
  }

  private KitMigrations(boolean ownsIam) {
    this.ownsIam = ownsIam;
  }

  /** For card-service, which owns the {@code iam} schema (API clients and keys) that every service reads. */
  public static KitMigrations ownerOfIam() {
    return new KitMigrations(true);
  }

  @Override
  public void migrate(Flyway service) {
    if (ownsIam) {
      migrateIam(service.getConfiguration().getDataSource());
    }
    sharingTheSchema(service).locations(LOCATION).table(HISTORY_TABLE).load().migrate();
    sharingTheSchema(service).load().migrate();
  }

  /** Creates or updates the {@code iam} schema, with its own history table in it. */
  public static void migrateIam(javax.sql.DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).schemas(IAM_SCHEMA).locations(IAM_LOCATION).load().migrate();
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration sharingTheSchema(Flyway service) {
    return Flyway.configure().configuration(service.getConfiguration()).baselineOnMigrate(true).baselineVersion("0");
  }
}
