package io.kadi.kit.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.ConsumptionProbe;
import io.kadi.kit.ratelimit.RateLimitProperties.Limit;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class RateDecisionTest {

  private static final Limit HUNDRED_PER_SECOND = new Limit(100, Duration.ofSeconds(1));
  private static final Limit FIVE_PER_MINUTE = new Limit(5, Duration.ofMinutes(1));

  @Test
  void anAllowedRequestIsToldItsLimitRemainingResetAndPolicyWithoutRetryAfter() {
    RateDecision allowed = new RateDecision(true, 100, 42, 1, 0, 1);

    assertThat(headers(allowed)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "RateLimit-Limit", "100",
        "RateLimit-Remaining", "42",
        "RateLimit-Reset", "1",
        "RateLimit-Policy", "100;w=1"));
  }

  @Test
  void aRefusedRequestIsAlsoToldWhenToRetry() {
    RateDecision refused = new RateDecision(false, 5, 0, 60, 12, 60);

    assertThat(headers(refused)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "RateLimit-Limit", "5",
        "RateLimit-Remaining", "0",
        "RateLimit-Reset", "60",
        "RateLimit-Policy", "5;w=60",
        "Retry-After", "12"));
  }

  @Test
  void waitsAreRoundedUpToWholeSecondsSoThatAClientWaitingThemIsNotRefusedAgain() {
    assertThat(RateDecision.of(ConsumptionProbe.consumed(99, Duration.ofMillis(10).toNanos()), HUNDRED_PER_SECOND))
        .isEqualTo(new RateDecision(true, 100, 99, 1, 0, 1));
    long twelveSeconds = Duration.ofSeconds(12).toNanos();
    long aMinute = Duration.ofMinutes(1).toNanos();
    assertThat(RateDecision.of(ConsumptionProbe.rejected(0, twelveSeconds, aMinute), FIVE_PER_MINUTE))
        .isEqualTo(new RateDecision(false, 5, 0, 60, 12, 60));
    assertThat(RateDecision.of(ConsumptionProbe.rejected(0, twelveSeconds + 1, aMinute + 1), FIVE_PER_MINUTE))
        .isEqualTo(new RateDecision(false, 5, 0, 61, 13, 60));
  }

  @Test
  void aRefusedRequestWaitsAtLeastOneSecondEvenWhenATokenIsAMomentAway() {
    assertThat(RateDecision.of(ConsumptionProbe.rejected(0, 1, 10_000_000), HUNDRED_PER_SECOND))
        .isEqualTo(new RateDecision(false, 100, 0, 1, 1, 1));
  }

  @Test
  void aFullBucketResetsInZeroSeconds() {
    assertThat(RateDecision.of(ConsumptionProbe.consumed(100, 0), HUNDRED_PER_SECOND))
        .isEqualTo(new RateDecision(true, 100, 100, 0, 0, 1));
  }

  @Test
  void retryAfterBelongsToRefusedRequestsOnly() {
    assertThatThrownBy(() -> new RateDecision(true, 5, 4, 12, 3, 60)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateDecision(false, 5, 0, 60, 0, 60)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, String> headers(RateDecision decision) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    decision.writeHeaders(response);
    Map<String, String> headers = new TreeMap<>();
    response.getHeaderNames().forEach(name -> headers.put(name, String.join(",", response.getHeaders(name))));
    return headers;
  }
}
