package io.kadi.limits.testing;

import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.limits.LimitsServiceApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * limits-service against this JVM's real database and broker. Every test class shares the one context, and so one
 * consumer group of {@value #CONSUMERS} consumer threads, which split kadi.authorizations.v1's partitions between them:
 * cards on different partitions are evaluated in parallel, as by two instances. Tests use fresh card ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = LimitsServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.config.name=" + LimitsServiceApplication.NAME,
        "spring.kafka.listener.concurrency=" + LimitsServiceTest.CONSUMERS})
@ContextConfiguration(initializers = KadiTestInfrastructure.class)
public @interface LimitsServiceTest {

  int CONSUMERS = 2;
}
