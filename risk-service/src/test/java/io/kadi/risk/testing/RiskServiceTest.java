package io.kadi.risk.testing;

import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.risk.RiskServiceApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * risk-service against this JVM's real database and broker. Every test class shares the one context, so one consumer
 * group reads the authorizations: tests use fresh card ids and never assume a topic or table is empty.
 *
 * <p>Auto-freeze is on (it is off by default), so that a block's FreezeCard can be seen end to end; tests of a block
 * without it call the assessor directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RiskServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=" + RiskServiceApplication.NAME, "kadi.risk.freeze-on-block=true"})
@ContextConfiguration(initializers = KadiTestInfrastructure.class)
public @interface RiskServiceTest {}
