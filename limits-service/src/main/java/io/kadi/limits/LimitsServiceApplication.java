package io.kadi.limits;

import io.kadi.kit.KadiApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LimitsServiceApplication {

  public static final String NAME = "limits-service";

  public static void main(String[] args) {
    KadiApplication.run(LimitsServiceApplication.class, NAME, args);
  }
}
