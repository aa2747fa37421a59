package io.kadi.audit;

import io.kadi.kit.KadiApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AuditServiceApplication {

  public static final String NAME = "audit-service";

  public static void main(String[] args) {
    KadiApplication.run(AuditServiceApplication.class, NAME, args);
  }
}
