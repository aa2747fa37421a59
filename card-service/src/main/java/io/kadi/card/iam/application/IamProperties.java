package io.kadi.card.iam.application;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API client management.
 *
 * @param requireLiveAllowlist whether a live client must have an IP allowlist (true): a live key usable from anywhere
 *     is one leak away from live cards
 * @param bootstrap the first client, made on start when there is none to sign requests with
 */
@ConfigurationProperties("kadi.iam")
public record IamProperties(@DefaultValue("true") boolean requireLiveAllowlist, @DefaultValue Bootstrap bootstrap) {

  /**
   * @param credentialsFile where to write the bootstrapped operator's credentials (mode 0600); unset: no bootstrap
   * @param mode the mode of the bootstrapped operator (sandbox)
   * @param allowedIps its allowlist (a live operator needs one unless requireLiveAllowlist is off)
   * @param apiUrl the address written next to the credentials, for tools (http://localhost:8081)
   */
  public record Bootstrap(Path credentialsFile, @DefaultValue("sandbox") String mode,
      @DefaultValue java.util.List<String> allowedIps, @DefaultValue("http://localhost:8081") String apiUrl) {}
}
