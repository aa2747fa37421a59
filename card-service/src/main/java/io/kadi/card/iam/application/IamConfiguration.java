package io.kadi.card.iam.application;

import io.kadi.kit.db.KitMigrations;
import io.kadi.kit.security.ApiKeys;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IamConfiguration {

  /** card-service owns the iam schema: it migrates it before its own. */
  @Bean
  FlywayMigrationStrategy migrationsWithIam() {
    return KitMigrations.ownerOfIam();
  }

  @Bean
  IamBootstrap iamBootstrap(ApiClientService clients, ApiKeys keys, IamProperties properties) {
    return new IamBootstrap(clients, keys, properties);
  }
}
