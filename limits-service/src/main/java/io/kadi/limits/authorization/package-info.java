/** Limits of authorizations: evaluating each request against the controls, and reserving what the limits count. */
package io.kadi.limits.authorization;
