package io.kadi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.audit.testing.AuditServiceTest;
import io.kadi.kit.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@AuditServiceTest
class AuditServiceRunsIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void reportsHealthyWithItsOwnSchemaMigrated() {
    Http.Response health = new Http(port).get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text("status")).isEqualTo("UP");
    assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = 'audit' order by 1")
        .query(String.class).list())
        .containsExactly("audit_log", "chain_head", "flyway_schema_history", "inbox", "kit_schema_history", "outbox");
    assertThat(jdbc.sql("select obj_description('audit'::regnamespace)").query(String.class).single()).contains("audit-service");
  }
}
