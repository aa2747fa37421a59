/** The audit log: every catalogue record appended once, in a SHA-256 hash chain, published to analysts and verifiable. */
package io.kadi.audit.log;
