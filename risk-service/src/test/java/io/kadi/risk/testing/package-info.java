/** Test support for risk-service: the shared test context, authorization records of a test card, and the outputs. */
package io.kadi.risk.testing;
