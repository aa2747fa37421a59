/** The security-alert use case: count each API request in its window, publish the alerts, purge old counters. */
package io.kadi.risk.security.application;
