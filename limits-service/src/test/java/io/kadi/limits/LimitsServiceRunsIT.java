package io.kadi.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.KadiTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=limits-service")
@ContextConfiguration(initializers = KadiTestInfrastructure.class)
class LimitsServiceRunsIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void reportsHealthyWithItsOwnSchemaMigrated() {
    Http.Response health = new Http(port).get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text("status")).isEqualTo("UP");
    assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = 'limits' order by 1")
        .query(String.class).list())
        .contains("outbox", "inbox", "flyway_schema_history", "kit_schema_history");
    assertThat(jdbc.sql("select obj_description('limits'::regnamespace)").query(String.class).single()).contains("limits-service");
  }
}
