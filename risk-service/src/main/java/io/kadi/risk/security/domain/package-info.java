/** Which alert an API request counts toward, the fixed windows and thresholds, and the alerts' text, in plain Java. */
package io.kadi.risk.security.domain;
