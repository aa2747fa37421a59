package io.kadi.risk.scoring.domain;

/**
 * Scores from which an authorization is reviewed, and from which it is blocked: {@code 1 <= review <= block <= 100}.
 * Review and block at the same score means nothing is only reviewed.
 */
public record Thresholds(int review, int block) {

  public Thresholds {
    if (review < 1 || review > block || block > 100) {
      throw new IllegalArgumentException(
          "Risk thresholds need 1 <= review <= block <= 100; review is " + review + " and block " + block);
    }
  }

  public RiskAction actionFor(int score) {
    if (score >= block) {
      return RiskAction.BLOCK;
    }
    return score >= review ? RiskAction.REVIEW : RiskAction.ALLOW;
  }
}
