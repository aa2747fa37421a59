package io.kadi.limits;

import io.kadi.kit.testing.ServiceChecks;
import io.kadi.limits.testing.LimitsServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@LimitsServiceTest
class LimitsServiceRunsIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void reportsHealthyWithItsOwnSchemaMigrated() {
    ServiceChecks.assertHealthyInItsOwnSchema(port, jdbc, "limits", "limits-service", "limit_subjects", "reservations");
  }
}
