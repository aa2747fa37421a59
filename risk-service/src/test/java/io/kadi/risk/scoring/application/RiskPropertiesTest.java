package io.kadi.risk.scoring.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class RiskPropertiesTest {

  private static final RiskProperties DEFAULTS = new RiskProperties(50, 80, false,
      Set.of("7995", "6051", "4829", "6540", "7801", "7802"), LocalTime.of(1, 0), LocalTime.of(5, 0), Map.of(),
      Duration.ofDays(400), Duration.ofHours(1));

  @Test
  void withNothingConfiguredTheDocumentedDefaultsApply() {
    assertThat(bind(new MapConfigurationPropertySource())).isEqualTo(DEFAULTS);
  }

  @Test
  void theServicesConfigurationFileStatesTheSameDefaults() throws IOException {
    List<PropertySource<?>> file = new YamlPropertySourceLoader().load("risk-service", new ClassPathResource("risk-service.yml"));

    RiskProperties bound = new Binder(ConfigurationPropertySources.from(file), null, ApplicationConversionService.getSharedInstance())
        .bindOrCreate("kadi.risk", RiskProperties.class);

    assertThat(bound).isEqualTo(DEFAULTS);
  }

  @Test
  void bindsEverySetting() {
    RiskProperties bound = bind(new MapConfigurationPropertySource(Map.of(
        "kadi.risk.review-threshold", "40",
        "kadi.risk.block-threshold", "70",
        "kadi.risk.freeze-on-block", "true",
        "kadi.risk.high-risk-mccs", "7995,5933",
        "kadi.risk.off-hours-start", "23:00",
        "kadi.risk.off-hours-end", "04:30",
        "kadi.risk.small-amount-limits.UGX", "1000",
        "kadi.risk.history-retention", "90d",
        "kadi.risk.history-purge-interval", "10m")));

    assertThat(bound).isEqualTo(new RiskProperties(40, 70, true, Set.of("7995", "5933"), LocalTime.of(23, 0), LocalTime.of(4, 30),
        Map.of("UGX", 1_000L), Duration.ofDays(90), Duration.ofMinutes(10)));
    assertThat(bound.policy().smallAmounts().isSmall(999, "UGX")).isTrue();
    assertThat(bound.policy().freezeOnBlock()).isTrue();
  }

  @Test
  void refusesSettingsThatMakeNoSense() {
    assertThatThrownBy(() -> bind(new MapConfigurationPropertySource(Map.of("kadi.risk.review-threshold", "90"))))
        .isInstanceOf(BindException.class)
        .rootCause().hasMessage("Risk thresholds need 1 <= review <= block <= 100; review is 90 and block 80");
    assertThatThrownBy(() -> bind(new MapConfigurationPropertySource(Map.of("kadi.risk.high-risk-mccs", "7995,gambling"))))
        .rootCause().hasMessage("kadi.risk.high-risk-mccs holds 4-digit merchant category codes, not 'gambling'");
    assertThatThrownBy(() -> bind(new MapConfigurationPropertySource(Map.of("kadi.risk.off-hours-end", "01:00"))))
        .rootCause().hasMessage("The off-hours window 01:00-01:00 is empty");
    assertThatThrownBy(() -> bind(new MapConfigurationPropertySource(Map.of("kadi.risk.history-retention", "7d"))))
        .rootCause().hasMessage("kadi.risk.history-retention must be longer than the 30 days of spending history the features read, not PT168H");
    assertThatThrownBy(() -> bind(new MapConfigurationPropertySource(Map.of("kadi.risk.small-amount-limits.UGX", "0"))))
        .rootCause().hasMessage("The small-amount limit of UGX must be positive, not 0");
  }

  private static RiskProperties bind(MapConfigurationPropertySource source) {
    return new Binder(List.of(source), null, ApplicationConversionService.getSharedInstance())
        .bindOrCreate("kadi.risk", RiskProperties.class);
  }
}
