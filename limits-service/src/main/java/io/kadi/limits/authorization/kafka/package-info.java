/** Reads kadi.authorizations.v1 into domain types and writes LimitsEvaluated to kadi.limit-decisions.v1. */
package io.kadi.limits.authorization.kafka;
