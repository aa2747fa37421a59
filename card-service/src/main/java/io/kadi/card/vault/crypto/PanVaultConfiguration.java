package io.kadi.card.vault.crypto;

import io.kadi.card.issuing.application.CardProperties;
import io.kadi.card.vault.domain.PanGenerator;
import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PanVaultConfiguration {

  /** Built at startup, so a missing or malformed key stops the service before it takes a request. */
  @Bean
  PanVault panVault(PanVaultProperties properties) {
    return new PanVault(properties);
  }

  @Bean
  PanGenerator panGenerator(CardProperties properties) {
    return new PanGenerator(properties.bin(), properties.panLength(), new SecureRandom());
  }
}
