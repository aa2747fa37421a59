package io.kadi.limits;

import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.kit.testing.ServiceChecks;
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
    ServiceChecks.assertHealthyInItsOwnSchema(port, jdbc, "limits", "limits-service");
  }
}
