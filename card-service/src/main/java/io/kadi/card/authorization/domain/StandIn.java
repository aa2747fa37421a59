package io.kadi.card.authorization.domain;

/**
 * The answer when the results are not all in within the budget. {@code DECLINE} (the default) is the safe one;
 * {@code APPROVE} approves what the hold already covers, unless a result that did arrive declines it.
 */
public enum StandIn {
  DECLINE,
  APPROVE
}
