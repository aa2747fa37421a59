package io.kadi.risk.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever fires: the score is the sum of the fired weights, capped at 100, and a higher score never calls for less. */
class ScorePropertiesTest {

  @Property
  void theScoreIsTheCappedSumOfTheFiredWeights(@ForAll("firedRules") List<FiredRule> fired,
      @ForAll @IntRange(min = 1, max = 100) int review, @ForAll @IntRange(min = 0, max = 99) int gap) {
    Thresholds thresholds = new Thresholds(review, Math.min(100, review + gap));

    Assessment assessment = Assessment.of(fired, thresholds);

    assertThat(assessment.score()).isEqualTo(Math.min(100, fired.stream().mapToInt(FiredRule::weight).sum()));
    assertThat(assessment.action()).isEqualTo(thresholds.actionFor(assessment.score()));
    assertThat(assessment.firedRules()).isEqualTo(fired);
  }

  @Property
  void aHigherScoreNeverCallsForALesserAction(@ForAll @IntRange(min = 0, max = 100) int score,
      @ForAll @IntRange(min = 0, max = 100) int more, @ForAll @IntRange(min = 1, max = 100) int review) {
    Thresholds thresholds = new Thresholds(review, 100);
    int higher = Math.min(100, score + more);

    assertThat(thresholds.actionFor(higher).compareTo(thresholds.actionFor(score))).isGreaterThanOrEqualTo(0);
  }

  @Provide
  Arbitrary<@Size(max = 12) List<FiredRule>> firedRules() {
    Arbitrary<FiredRule> rule = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
            Arbitraries.integers().between(0, 100))
        .as((name, weight) -> new FiredRule(name, weight, "fired", Map.of()));
    return rule.list().ofMaxSize(12);
  }
}
