package io.kadi.risk.security.application;

import io.kadi.risk.security.domain.CountedAlert;
import io.kadi.risk.security.domain.SecurityPolicy;
import io.kadi.risk.security.domain.Threshold;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security alerts' thresholds; docs/risk.md#security-alerts explains each. A counted alert fires once per subject
 * and fixed window, at the request that brings the window's count to {@code ...-count}. Windows are whole seconds,
 * fixed (a window's start is the request's occurredAt truncated to the window's length, counted from the Unix epoch),
 * and the same on every instance. Invalid settings stop the service at start.
 *
 * @param repeatedBadSignaturesCount {@code invalid_signature} refusals of one client that raise
 *     {@code repeated_bad_signatures}
 * @param repeatedBadSignaturesWindow the window they are counted in
 * @param requestOutsideAllowlistCount {@code ip_not_allowed} refusals of one client that raise
 *     {@code request_outside_allowlist}: the first, since a valid signature from an address the client never allowed
 *     means its secret is known elsewhere
 * @param requestOutsideAllowlistWindow the window they are counted in: at most one alert per client per window
 * @param rateLimitStormCount {@code rate_limited} refusals of one client that raise {@code rate_limit_storm}
 * @param rateLimitStormWindow the window they are counted in
 * @param unknownKeysCount {@code unknown_key} refusals from one source address (the requests name no known client)
 *     that raise {@code unknown_keys}
 * @param unknownKeysWindow the window they are counted in
 * @param massIssuanceCount cards one client issues ({@code POST /v1/cards} answered 201) that raise
 *     {@code mass_issuance}
 * @param massIssuanceWindow the window they are counted in
 * @param counterRetention how long a counter is kept after its window ends; a record that arrives later than that
 *     (a consumer far behind, a replay) counts in a fresh counter
 * @param counterPurgeInterval how often counters past their retention are deleted
 */
@ConfigurationProperties("kadi.risk.security-alerts")
public record SecurityAlertProperties(
    @DefaultValue("5") int repeatedBadSignaturesCount,
    @DefaultValue("5m") Duration repeatedBadSignaturesWindow,
    @DefaultValue("1") int requestOutsideAllowlistCount,
    @DefaultValue("5m") Duration requestOutsideAllowlistWindow,
    @DefaultValue("20") int rateLimitStormCount,
    @DefaultValue("1m") Duration rateLimitStormWindow,
    @DefaultValue("10") int unknownKeysCount,
    @DefaultValue("5m") Duration unknownKeysWindow,
    @DefaultValue("50") int massIssuanceCount,
    @DefaultValue("1m") Duration massIssuanceWindow,
    @DefaultValue("1d") Duration counterRetention,
    @DefaultValue("1h") Duration counterPurgeInterval) {

  private static final String PREFIX = "kadi.risk.security-alerts.";

  public SecurityAlertProperties {
    if (!counterRetention.isPositive()) {
      throw new IllegalArgumentException(PREFIX + "counter-retention must be positive, not " + counterRetention);
    }
    if (!counterPurgeInterval.isPositive()) {
      throw new IllegalArgumentException(PREFIX + "counter-purge-interval must be positive, not " + counterPurgeInterval);
    }
    policy(repeatedBadSignaturesCount, repeatedBadSignaturesWindow, requestOutsideAllowlistCount,
        requestOutsideAllowlistWindow, rateLimitStormCount, rateLimitStormWindow, unknownKeysCount, unknownKeysWindow,
        massIssuanceCount, massIssuanceWindow);
  }

  /** The policy these settings describe. */
  public SecurityPolicy policy() {
    return policy(repeatedBadSignaturesCount, repeatedBadSignaturesWindow, requestOutsideAllowlistCount,
        requestOutsideAllowlistWindow, rateLimitStormCount, rateLimitStormWindow, unknownKeysCount, unknownKeysWindow,
        massIssuanceCount, massIssuanceWindow);
  }

  private static SecurityPolicy policy(int badSignatures, Duration badSignaturesWindow, int outsideAllowlist,
      Duration outsideAllowlistWindow, int rateLimited, Duration rateLimitedWindow, int unknownKeys,
      Duration unknownKeysWindow, int issued, Duration issuedWindow) {
    Map<CountedAlert, Threshold> thresholds = new EnumMap<>(CountedAlert.class);
    thresholds.put(CountedAlert.REPEATED_BAD_SIGNATURES, threshold("repeated-bad-signatures", badSignatures, badSignaturesWindow));
    thresholds.put(CountedAlert.REQUEST_OUTSIDE_ALLOWLIST,
        threshold("request-outside-allowlist", outsideAllowlist, outsideAllowlistWindow));
    thresholds.put(CountedAlert.RATE_LIMIT_STORM, threshold("rate-limit-storm", rateLimited, rateLimitedWindow));
    thresholds.put(CountedAlert.UNKNOWN_KEYS, threshold("unknown-keys", unknownKeys, unknownKeysWindow));
    thresholds.put(CountedAlert.MASS_ISSUANCE, threshold("mass-issuance", issued, issuedWindow));
    return new SecurityPolicy(thresholds);
  }

  private static Threshold threshold(String setting, int count, Duration window) {
    try {
      return new Threshold(count, window);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%s%s-count and -window: %s".formatted(PREFIX, setting, e.getMessage()));
    }
  }
}
