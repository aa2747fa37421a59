package io.kadi.card;

import io.kadi.kit.testing.KadiTestInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * card-service against this JVM's real database and broker, with test-only vault keys. The outbox sweep is slowed
 * to an hour, so what reaches Kafka promptly was published by the commit itself (or, in the crash test, by a
 * restarted instance).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CardServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.config.name=card-service",
        "kadi.card.bin=" + CardServiceTest.BIN,
        "kadi.card.pan-vault.keys.1=" + CardServiceTest.VAULT_KEY,
        "kadi.card.pan-vault.active-key-version=1",
        "kadi.card.pan-vault.fingerprint-key=" + CardServiceTest.FINGERPRINT_KEY,
        "kadi.outbox.sweep-interval=1h"})
@ContextConfiguration(initializers = KadiTestInfrastructure.class)
public @interface CardServiceTest {

  String BIN = "506099";
  /** Test-only keys; real ones come from the environment and never from code. */
  String VAULT_KEY = "xKgSTyeJNpRvacbeR+YHbYJvMgnBK/gLPnYjNHANn7Q=";
  String FINGERPRINT_KEY = "yLUZtDqs0RB9Qd/PiKib2r3aiibDl4Iu+DEMkNobqpE=";
}
