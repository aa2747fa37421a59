package io.kadi.audit;

import io.kadi.audit.testing.AuditServiceTest;
import io.kadi.kit.testing.ServiceChecks;
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
    ServiceChecks.assertHealthyInItsOwnSchema(port, jdbc, "audit", "audit-service", "audit_log", "chain_head");
  }
}
