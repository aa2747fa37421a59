package io.kadi.risk.security.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.risk.security.domain.CountedAlert;
import io.kadi.risk.security.domain.Threshold;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class SecurityAlertPropertiesTest {

  private static final SecurityAlertProperties DEFAULTS = new SecurityAlertProperties(
      5, Duration.ofMinutes(5), 1, Duration.ofMinutes(5), 20, Duration.ofMinutes(1), 10, Duration.ofMinutes(5),
      50, Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofHours(1));

  @Test
  void withNothingConfiguredTheDocumentedDefaultsApply() {
    SecurityAlertProperties bound = bind(new MapConfigurationPropertySource());

    assertThat(bound).isEqualTo(DEFAULTS);
    assertThat(bound.policy().thresholds()).isEqualTo(Map.of(
        CountedAlert.REPEATED_BAD_SIGNATURES, new Threshold(5, Duration.ofMinutes(5)),
        CountedAlert.REQUEST_OUTSIDE_ALLOWLIST, new Threshold(1, Duration.ofMinutes(5)),
        CountedAlert.RATE_LIMIT_STORM, new Threshold(20, Duration.ofMinutes(1)),
        CountedAlert.UNKNOWN_KEYS, new Threshold(10, Duration.ofMinutes(5)),
        CountedAlert.MASS_ISSUANCE, new Threshold(50, Duration.ofMinutes(1))));
  }

  @Test
  void theServicesConfigurationFileStatesTheSameDefaults() throws IOException {
    List<PropertySource<?>> file = new YamlPropertySourceLoader().load("risk-service", new ClassPathResource("risk-service.yml"));

    SecurityAlertProperties bound = new Binder(ConfigurationPropertySources.from(file), null,
        ApplicationConversionService.getSharedInstance()).bindOrCreate("kadi.risk.security-alerts", SecurityAlertProperties.class);

    assertThat(bound).isEqualTo(DEFAULTS);
  }

  @Test
  void bindsEverySetting() {
    SecurityAlertProperties bound = bind(new MapConfigurationPropertySource(Map.ofEntries(
        Map.entry("kadi.risk.security-alerts.repeated-bad-signatures-count", "3"),
        Map.entry("kadi.risk.security-alerts.repeated-bad-signatures-window", "10m"),
        Map.entry("kadi.risk.security-alerts.request-outside-allowlist-count", "2"),
        Map.entry("kadi.risk.security-alerts.request-outside-allowlist-window", "1h"),
        Map.entry("kadi.risk.security-alerts.rate-limit-storm-count", "100"),
        Map.entry("kadi.risk.security-alerts.rate-limit-storm-window", "30s"),
        Map.entry("kadi.risk.security-alerts.unknown-keys-count", "25"),
        Map.entry("kadi.risk.security-alerts.unknown-keys-window", "15m"),
        Map.entry("kadi.risk.security-alerts.mass-issuance-count", "500"),
        Map.entry("kadi.risk.security-alerts.mass-issuance-window", "10m"),
        Map.entry("kadi.risk.security-alerts.counter-retention", "2d"),
        Map.entry("kadi.risk.security-alerts.counter-purge-interval", "15m"))));

    assertThat(bound.policy().thresholds()).isEqualTo(Map.of(
        CountedAlert.REPEATED_BAD_SIGNATURES, new Threshold(3, Duration.ofMinutes(10)),
        CountedAlert.REQUEST_OUTSIDE_ALLOWLIST, new Threshold(2, Duration.ofHours(1)),
        CountedAlert.RATE_LIMIT_STORM, new Threshold(100, Duration.ofSeconds(30)),
        CountedAlert.UNKNOWN_KEYS, new Threshold(25, Duration.ofMinutes(15)),
        CountedAlert.MASS_ISSUANCE, new Threshold(500, Duration.ofMinutes(10))));
    assertThat(bound.counterRetention()).isEqualTo(Duration.ofDays(2));
    assertThat(bound.counterPurgeInterval()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void refusesSettingsThatMakeNoSense() {
    assertThatThrownBy(() -> bind(new MapConfigurationPropertySource(Map.of("kadi.risk.security-alerts.mass-issuance-count", "0"))))
        .isInstanceOf(BindException.class)
        .rootCause().hasMessage("kadi.risk.security-alerts.mass-issuance-count and -window: A threshold counts at least 1 "
            + "request, not 0");
    assertThatThrownBy(() -> bind(new MapConfigurationPropertySource(
        Map.of("kadi.risk.security-alerts.rate-limit-storm-window", "1500ms"))))
        .rootCause().hasMessage("kadi.risk.security-alerts.rate-limit-storm-count and -window: A window is a whole number of "
            + "seconds, at least one, not PT1.5S");
    assertThatThrownBy(() -> bind(new MapConfigurationPropertySource(Map.of("kadi.risk.security-alerts.counter-retention", "0s"))))
        .rootCause().hasMessage("kadi.risk.security-alerts.counter-retention must be positive, not PT0S");
    assertThatThrownBy(() -> bind(new MapConfigurationPropertySource(
        Map.of("kadi.risk.security-alerts.counter-purge-interval", "-1m"))))
        .rootCause().hasMessage("kadi.risk.security-alerts.counter-purge-interval must be positive, not PT-1M");
  }

  private static SecurityAlertProperties bind(MapConfigurationPropertySource source) {
    return new Binder(List.of(source), null, ApplicationConversionService.getSharedInstance())
        .bindOrCreate("kadi.risk.security-alerts", SecurityAlertProperties.class);
  }
}
