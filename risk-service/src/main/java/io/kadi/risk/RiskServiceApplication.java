package io.kadi.risk;

import io.kadi.kit.KadiApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RiskServiceApplication {

  public static final String NAME = "risk-service";

  public static void main(String[] args) {
    KadiApplication.run(RiskServiceApplication.class, NAME, args);
  }
}
