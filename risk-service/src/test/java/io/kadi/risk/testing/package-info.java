/** Test support for risk-service: the shared test context, authorization records of a test card, access-log records of a test API client, and the outputs. */
package io.kadi.risk.testing;
