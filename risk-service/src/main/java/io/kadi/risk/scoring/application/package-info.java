/** The scoring use cases: record each authorization, assess it, and publish the assessment, alerts and freezes. */
package io.kadi.risk.scoring.application;
