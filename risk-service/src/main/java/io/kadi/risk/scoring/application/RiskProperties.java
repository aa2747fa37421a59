package io.kadi.risk.scoring.application;

import io.kadi.risk.scoring.domain.OffHours;
import io.kadi.risk.scoring.domain.RiskPolicy;
import io.kadi.risk.scoring.domain.RuleSet;
import io.kadi.risk.scoring.domain.SmallAmounts;
import io.kadi.risk.scoring.domain.Thresholds;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * risk-service's settings; docs/risk.md explains each. Invalid ones stop the service at start.
 *
 * @param reviewThreshold score from which an authorization is approved but raises a {@code risk_review} alert
 * @param blockThreshold score from which an authorization is declined (risk_block) and raises a {@code risk_block}
 *     alert; at least the review threshold, at most 100
 * @param freezeOnBlock whether a block also sends FreezeCard for the card to card-service
 * @param highRiskMccs merchant category codes the {@code high_risk_mcc} rule fires on: gambling (7995, and the
 *     licensed online casinos and racing of 7801, 7802), quasi-cash and crypto (6051), money transfer (4829) and
 *     stored-value top-ups (6540)
 * @param offHoursStart start of the cardholder's night, in the cardholder's time zone, for {@code off_hours}
 * @param offHoursEnd end of the night (excluded); before the start for a night that spans midnight
 * @param smallAmountLimits per ISO 4217 code, the amount in minor units under which card testing counts an
 *     authorization as small; any other currency uses 1.00 of itself (100 minor units for NGN, 1 for UGX, so that
 *     nothing in UGX is small unless configured here)
 * @param historyRetention how long authorizations stay in the cards' history; beyond the 30 days the features read,
 *     the history only tells which countries a card was used in
 * @param historyPurgeInterval how often authorizations older than the retention are deleted
 */
@ConfigurationProperties("kadi.risk")
public record RiskProperties(
    @DefaultValue("50") int reviewThreshold,
    @DefaultValue("80") int blockThreshold,
    @DefaultValue("false") boolean freezeOnBlock,
    @DefaultValue({"7995", "6051", "4829", "6540", "7801", "7802"}) Set<String> highRiskMccs,
    @DefaultValue("01:00") LocalTime offHoursStart,
    @DefaultValue("05:00") LocalTime offHoursEnd,
    @DefaultValue Map<String, Long> smallAmountLimits,
    @DefaultValue("400d") Duration historyRetention,
    @DefaultValue("1h") Duration historyPurgeInterval) {

  public RiskProperties {
    highRiskMccs = Set.copyOf(highRiskMccs);
    smallAmountLimits = Map.copyOf(smallAmountLimits);
    for (String mcc : highRiskMccs) {
      if (!mcc.matches("[0-9]{4}")) {
        throw new IllegalArgumentException("kadi.risk.high-risk-mccs holds 4-digit merchant category codes, not '" + mcc + "'");
      }
    }
    if (historyRetention.compareTo(Duration.ofDays(30)) <= 0) {
      throw new IllegalArgumentException("kadi.risk.history-retention must be longer than the 30 days of spending "
          + "history the features read, not " + historyRetention);
    }
    if (!historyPurgeInterval.isPositive()) {
      throw new IllegalArgumentException("kadi.risk.history-purge-interval must be positive, not " + historyPurgeInterval);
    }
    policy(reviewThreshold, blockThreshold, freezeOnBlock, highRiskMccs, offHoursStart, offHoursEnd, smallAmountLimits);
  }

  /** The policy these settings describe. */
  public RiskPolicy policy() {
    return policy(reviewThreshold, blockThreshold, freezeOnBlock, highRiskMccs, offHoursStart, offHoursEnd, smallAmountLimits);
  }

  private static RiskPolicy policy(int review, int block, boolean freeze, Set<String> mccs, LocalTime nightStart,
      LocalTime nightEnd, Map<String, Long> smallAmountLimits) {
    SmallAmounts smallAmounts = new SmallAmounts(smallAmountLimits);
    return new RiskPolicy(RuleSet.defaults(smallAmounts, mccs, new OffHours(nightStart, nightEnd)), new Thresholds(review, block),
        smallAmounts, freeze);
  }
}
