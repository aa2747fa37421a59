/** Time-based one-time passwords (RFC 6238) for step-up before privileged operations; plain Java, no framework. */
package io.kadi.kit.security.totp;
