package io.kadi.risk;

import io.kadi.kit.testing.ServiceChecks;
import io.kadi.risk.testing.RiskServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@RiskServiceTest
class RiskServiceRunsIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void reportsHealthyWithItsOwnSchemaMigrated() {
    ServiceChecks.assertHealthyInItsOwnSchema(port, jdbc, "risk", "risk-service", "authorization_history",
        "security_counters");
  }
}
