package io.kadi.risk.security.domain;

/** How urgent a security alert is. */
public enum Severity {
  /** Worth knowing: something sensitive happened as intended. */
  INFO,
  /** Worth a look: a pattern that attacks and broken integrations share. */
  WARNING,
  /** Act now: a sign that a client's secret is in someone else's hands. */
  CRITICAL
}
