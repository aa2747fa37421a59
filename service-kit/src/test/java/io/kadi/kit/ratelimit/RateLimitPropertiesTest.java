package io.kadi.kit.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.kit.ratelimit.RateLimitProperties.Limit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The limits as a service's configuration binds them. */
class RateLimitPropertiesTest {

  @Test
  void withNothingConfiguredEachClassHasItsDocumentedDefault() {
    assertThat(bind(Map.of())).isEqualTo(new RateLimitProperties(
        new Limit(100, Duration.ofSeconds(1)),
        new Limit(100, Duration.ofSeconds(1)),
        new Limit(5, Duration.ofMinutes(1)),
        Duration.ofDays(1),
        Duration.ofHours(1)));
  }

  @Test
  void halfALimitTakesTheOtherHalfFromItsClassDefault() {
    RateLimitProperties properties = bind(Map.of(
        "kadi.api.rate-limits.read.capacity", "200",
        "kadi.api.rate-limits.sensitive.period", "2m"));

    assertThat(properties.limit(RateClass.READ)).isEqualTo(new Limit(200, Duration.ofSeconds(1)));
    assertThat(properties.limit(RateClass.WRITE)).isEqualTo(new Limit(100, Duration.ofSeconds(1)));
    assertThat(properties.limit(RateClass.SENSITIVE)).isEqualTo(new Limit(5, Duration.ofMinutes(2)));
  }

  @Test
  void aPeriodOfPartSecondsIsRefusedSinceThePolicyHeaderStatesWholeSeconds() {
    assertThatThrownBy(() -> bind(Map.of("kadi.api.rate-limits.write.period", "1500ms")))
        .isInstanceOf(BindException.class)
        .hasRootCauseMessage(
            "kadi.api.rate-limits.write.period must be a whole number of seconds, at least 1s: PT1.5S");
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> bind(Map.of("kadi.api.rate-limits.sensitive.capacity", "0")))
        .isInstanceOf(BindException.class)
        .hasRootCauseMessage("kadi.api.rate-limits.sensitive.capacity must be at least 1: 0");
  }

  private static RateLimitProperties bind(Map<String, String> configuration) {
    return new Binder(new MapConfigurationPropertySource(configuration))
        .bindOrCreate("kadi.api.rate-limits", RateLimitProperties.class);
  }
}
