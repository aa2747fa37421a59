/** Evaluates requests and follows decisions, captures and reversals, each once, in one transaction with its inbox row. */
package io.kadi.limits.authorization.application;
