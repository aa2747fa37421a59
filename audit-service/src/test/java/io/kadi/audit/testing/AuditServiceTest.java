package io.kadi.audit.testing;

import io.kadi.audit.AuditServiceApplication;
import io.kadi.kit.testing.KadiTestInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * audit-service against this JVM's real database and broker. Every test class shares the one context (and so one
 * consumer and one log): tests use fresh ids and never assume the log is empty.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AuditServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + AuditServiceApplication.NAME)
@ContextConfiguration(initializers = KadiTestInfrastructure.class)
public @interface AuditServiceTest {}
