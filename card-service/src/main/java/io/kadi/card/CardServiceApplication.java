package io.kadi.card;

import io.kadi.kit.KadiApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CardServiceApplication {

  public static final String NAME = "card-service";

  public static void main(String[] args) {
    KadiApplication.run(CardServiceApplication.class, NAME, args);
  }
}
